// The page proxy.ts answers instead of rendering one while PostgreSQL is
// unreachable (issue #6: "a clear 503 page"). A server component cannot set
// its status (an error while rendering is a 500: vercel/next.js#56236), so the
// proxy answers before Next renders: 503, Retry-After, in the language of the
// URL, with the texts of the error page (the "error" namespace of
// common.json), a link to try again and the request id for support.
import { NextResponse } from "next/server";
import en from "@/lib/i18n/messages/en/common.json";
import zh from "@/lib/i18n/messages/zh/common.json";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "./database-state";

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page's language: that of the URL's first segment, English otherwise. */
export function localeOfPath(pathname: string): "en" | "zh" {
  return pathname === "/zh" || pathname.startsWith("/zh/") ? "zh" : "en";
}

export function unavailablePageHtml(pathAndQuery: string, requestId: string): string {
  const locale = localeOfPath(pathAndQuery.split("?")[0] ?? "/");
  const t = (locale === "zh" ? zh : en).error;
  const link = "color:#0f5c7a;text-decoration:underline";
  return `<!doctype html><html lang="${locale === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t.unavailableTitle)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.5rem;line-height:1.6;color:#0f172a;text-align:center"><main><h1 style="font-size:1.75rem">${escapeHtml(t.unavailableTitle)}</h1><p>${escapeHtml(t.unavailableBody)}</p><p><a href="${escapeHtml(pathAndQuery)}" style="${link}">${escapeHtml(t.retry)}</a> · <a href="/${locale}" style="${link}">${escapeHtml(t.home)}</a></p><p style="font-size:0.75rem;color:#475569">${escapeHtml(t.reference)}<br><code>${escapeHtml(requestId)}</code></p></main></body></html>`;
}

/** 503 with Retry-After, never cached, its own inline styles and nothing else. */
export function unavailablePage(pathAndQuery: string, requestId: string): NextResponse {
  return new NextResponse(unavailablePageHtml(pathAndQuery, requestId), {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}

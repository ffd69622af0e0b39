"use client";

import "./globals.css";
import { usePathname } from "next/navigation";
import { PRIMARY_BUTTON } from "@/components/ui/button-classes";
import { useErrorFacts } from "@/lib/errors/use-error-facts";
import enCommon from "@/lib/i18n/messages/en/common.json";
import zhCommon from "@/lib/i18n/messages/zh/common.json";
import { inter } from "./fonts";

// The last resort: the layout itself failed (with the database down, every
// page does: the layout reads the city and the session). It replaces the
// whole document, so it has its own <html>, styles and messages, in the
// language of the URL.
export default function GlobalError() {
  const pathname = usePathname() ?? "";
  const zh = pathname === "/zh" || pathname.startsWith("/zh/");
  const t = (zh ? zhCommon : enCommon).error;
  const { unavailable, requestId } = useErrorFacts();
  return (
    <html lang={zh ? "zh-CN" : "en"} className={inter.variable}>
      <head>
        <title>{unavailable ? t.unavailableTitle : t.title}</title>
      </head>
      <body className="flex min-h-screen flex-col font-sans">
        <header className="border-b border-border">
          <div className="mx-auto max-w-6xl px-6 py-4 text-lg font-semibold">Bridgehead</div>
        </header>
        <main className="mx-auto max-w-xl flex-1 px-6 py-24 text-center">
          <div role="alert">
            <h1 className="text-3xl font-bold tracking-tight">
              {unavailable ? t.unavailableTitle : t.title}
            </h1>
            <p className="mt-4 text-muted-foreground">{unavailable ? t.unavailableBody : t.body}</p>
          </div>
          <div className="mt-8 flex flex-wrap items-center justify-center gap-4">
            {/* A full reload: the layout that failed is rendered again from scratch. */}
            <button
              type="button"
              className={PRIMARY_BUTTON}
              onClick={() => window.location.reload()}
            >
              {t.retry}
            </button>
            <a className="text-primary underline underline-offset-4" href={zh ? "/zh" : "/en"}>
              {t.home}
            </a>
          </div>
          {requestId ? (
            <p className="mt-8 text-xs text-muted-foreground">
              {t.reference}
              <code className="mt-1 block break-all font-mono">{requestId}</code>
            </p>
          ) : null}
        </main>
      </body>
    </html>
  );
}

// Runs before every request but Next's own files (/_next/…, which get their
// headers from next.config.js). For each request it:
//   - gives it an id: x-request-id on the request (createRoute/createAction
//     log with it), X-Request-Id and Server-Timing (the error page shows it)
//     on the response;
//   - refuses, before anything reads them: URLs with a NUL character (400),
//     state-changing requests to pages (server actions) sent from another
//     site (403), declared larger than their limit (413) or streamed without
//     a length (411), and next-auth posts that are not forms (400);
//   - sets the Content-Security-Policy: a fresh nonce for pages and anything
//     that may render the 404 page (Next reads the nonce from the request's
//     CSP header and puts it on its scripts), a policy that allows nothing
//     for API answers;
//   - marks answers that may hold personal data private, no-store;
//   - picks the language of pages (next-intl);
//   - while this process has just failed to reach PostgreSQL (a mark in
//     lib/health/database-state.ts, nothing per request when healthy) and a
//     quick probe still fails, answers page requests with a small 503 page
//     and Retry-After (lib/health/unavailable-page.ts) instead of rendering
//     them into Next's 500.
// The rules themselves are in lib/security/request-policy.ts.
import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { databaseAnswers } from "@/lib/health/database-probe";
import { databaseRecentlyUnavailable } from "@/lib/health/database-state";
import { unavailablePage } from "@/lib/health/unavailable-page";
import { routing } from "@/lib/i18n/routing";
import { isBenchFloorPath } from "@/lib/performance/bench-floor";
import {
  createNonce,
  NON_PAGE_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
} from "@/lib/security/headers";
import {
  declaredTooLarge,
  hasFileExtension,
  isApiPath,
  isAuthPostWithWrongBody,
  isCrossSiteRequest,
  isSessionCookie,
  isStateChanging,
  requiredCacheControl,
  SERVER_ACTION_BODY_LIMIT_BYTES,
  streamedWithoutLength,
  urlHasNul,
} from "@/lib/security/request-policy";
import { newRequestId, REQUEST_ID_HEADER } from "@/lib/server/request-context";

const i18n = createMiddleware(routing);
const dev = process.env.NODE_ENV !== "production";

type Refusal = { status: 400 | 403 | 411 | 413; code: string; en: string; zh: string };

const REFUSALS = {
  nul: {
    status: 400,
    code: "BAD_REQUEST",
    en: "This address contains a character that is not allowed.",
    zh: "该网址包含不允许使用的字符。",
  },
  crossSite: {
    status: 403,
    code: "FORBIDDEN",
    en: "This form was sent from another website and was refused. Nothing was changed.",
    zh: "该表单来自其他网站，已被拒绝，未做任何更改。",
  },
  authBody: {
    status: 400,
    code: "BAD_REQUEST",
    en: "Send this form as application/x-www-form-urlencoded.",
    zh: "请以 application/x-www-form-urlencoded 格式提交此表单。",
  },
  lengthRequired: {
    status: 411,
    code: "BAD_REQUEST",
    en: "Send the request body with a Content-Length.",
    zh: "请求正文必须带有 Content-Length。",
  },
  tooLarge: {
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    en: "What you sent is too large. Nothing was changed.",
    zh: "提交的内容过大，未做任何更改。",
  },
} satisfies Record<string, Refusal>;

function escapeHtml(text: string) {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON for API callers and server actions, a small bilingual page for people. */
function refuse(request: NextRequest, refusal: Refusal): NextResponse {
  const wantsHtml =
    !isApiPath(request.nextUrl.pathname) &&
    !request.headers.has("next-action") &&
    (request.headers.get("accept") ?? "").includes("text/html");
  if (!wantsHtml)
    return NextResponse.json(
      { error: { code: refusal.code, message: refusal.en } },
      { status: refusal.status },
    );
  const zh = request.nextUrl.pathname.startsWith("/zh");
  const [first, second] = zh ? [refusal.zh, refusal.en] : [refusal.en, refusal.zh];
  const html = `<!doctype html><html lang="${zh ? "zh-CN" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${refusal.status}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.5rem;line-height:1.6;color:#0f172a"><main><h1 style="font-size:1.5rem">${escapeHtml(first)}</h1><p lang="${zh ? "en" : "zh-CN"}">${escapeHtml(second)}</p><p><a href="/${zh ? "zh" : "en"}" style="color:#0f5c7a">${zh ? "返回首页" : "Back to the home page"}</a></p></main></body></html>`;
  return new NextResponse(html, {
    status: refusal.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      // Its own inline styles, nothing else.
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}

/**
 * A page a browser loads in full (not an API call, a file, a server action
 * or a client-side navigation's RSC fetch, which the page's error boundary
 * handles in place).
 */
function isPageLoad(request: NextRequest): boolean {
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    !hasFileExtension(request.nextUrl.pathname) &&
    !request.headers.has("rsc") &&
    !request.headers.has("next-action")
  );
}

async function route(request: NextRequest, requestId: string): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (urlHasNul(request.url)) return refuse(request, REFUSALS.nul);

  if (isApiPath(pathname)) {
    if (isAuthPostWithWrongBody(request.method, pathname, request.headers))
      return refuse(request, REFUSALS.authBody);
    // Route handlers check the Origin themselves (createRoute); API tokens need none.
    const response = NextResponse.next({ request: { headers: request.headers } });
    response.headers.set("Content-Security-Policy", NON_PAGE_CONTENT_SECURITY_POLICY);
    return response;
  }

  // Pages change state only through server actions: Next checks their Origin
  // too, but answers a 500; this refuses them plainly, and anything else.
  if (
    isStateChanging(request.method) &&
    isCrossSiteRequest(request.headers, request.url, process.env.NEXTAUTH_URL)
  )
    return refuse(request, REFUSALS.crossSite);
  if (isStateChanging(request.method)) {
    if (declaredTooLarge(request.headers, SERVER_ACTION_BODY_LIMIT_BYTES))
      return refuse(request, REFUSALS.tooLarge);
    if (streamedWithoutLength(request.headers)) return refuse(request, REFUSALS.lengthRequired);
  }

  if (isPageLoad(request) && databaseRecentlyUnavailable() && !(await databaseAnswers()))
    return unavailablePage(request.nextUrl.pathname + request.nextUrl.search, requestId);

  const csp = pageContentSecurityPolicy(createNonce(), { dev });
  request.headers.set("Content-Security-Policy", csp);
  // A path with a dot is a file or a 404 page: no language to pick, but the
  // 404 page needs the page policy (and the nonce) to load its styles and scripts.
  // So does the benchmarks' framework floor, a page outside the languages.
  const response =
    hasFileExtension(pathname) || isBenchFloorPath(pathname)
      ? NextResponse.next({ request: { headers: request.headers } })
      : i18n(request);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export default async function proxy(request: NextRequest) {
  const requestId = newRequestId();
  request.headers.set(REQUEST_ID_HEADER, requestId);
  const response = await route(request, requestId);
  response.headers.set("X-Request-Id", requestId);
  // Readable by the page's own scripts (the error page shows it as a reference).
  response.headers.set("Server-Timing", `rid;desc="${requestId}"`);
  const signedIn = request.cookies.getAll().some((cookie) => isSessionCookie(cookie.name));
  const cacheControl = requiredCacheControl(request.nextUrl.pathname, signedIn);
  if (cacheControl) response.headers.set("Cache-Control", cacheControl);
  if (!response.headers.has("Content-Security-Policy"))
    response.headers.set("Content-Security-Policy", NON_PAGE_CONTENT_SECURITY_POLICY);
  return response;
}

export const config = {
  // Everything except Next's own files (build output, image optimiser, the
  // development server's hot reload socket): next.config.js gives them their headers.
  matcher: "/((?!_next/|_vercel/).*)",
};

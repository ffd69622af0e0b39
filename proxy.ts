// Runs before every request but Next's own files: the language in the URL
// (next-intl) for pages, and the Content-Security-Policy: a fresh nonce per
// page (Next reads it from the request's CSP header and puts it on its
// scripts), a policy that allows nothing for API answers and files.
import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import {
  createNonce,
  NON_PAGE_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
} from "@/lib/security/headers";

const i18n = createMiddleware(routing);
const dev = process.env.NODE_ENV !== "production";

function isPage(pathname: string) {
  return !pathname.startsWith("/api/") && !/\.[^/]*$/.test(pathname);
}

export default function proxy(request: NextRequest) {
  if (!isPage(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", NON_PAGE_CONTENT_SECURITY_POLICY);
    return response;
  }
  const csp = pageContentSecurityPolicy(createNonce(), { dev });
  // next-intl passes the request's headers on to the page.
  request.headers.set("Content-Security-Policy", csp);
  const response = i18n(request);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything except Next's build output and image optimiser.
  matcher: "/((?!_next/static|_next/image|_vercel).*)",
};

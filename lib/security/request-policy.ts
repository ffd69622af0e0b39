// The rules proxy.ts and createRoute apply to every request, as pure
// functions (request-policy.test.ts): what a path is, whether a request comes
// from another site, what may be cached, which URLs are refused outright.

/** API answers: JSON (or a file), never a page. */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

/** A path whose last segment has an extension: a file (public/, icon.svg…) or a 404. */
export function hasFileExtension(pathname: string): boolean {
  return /\.[^/]*$/.test(pathname);
}

/** Methods that may change state; the others must not. */
export function isStateChanging(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * The hosts this app answers as: the Host header, the first X-Forwarded-Host
 * (a browser cannot set it on a cross-site request), the request URL's and
 * the public URL's (NEXTAUTH_URL).
 */
function ownHosts(headers: Headers, requestUrl: string, publicUrl?: string): Set<string> {
  const hosts = new Set<string>();
  const add = (host: string | null | undefined) => {
    if (host) hosts.add(host.trim().toLowerCase());
  };
  add(headers.get("host"));
  add(headers.get("x-forwarded-host")?.split(",")[0]);
  add(hostOf(requestUrl));
  add(hostOf(publicUrl));
  return hosts;
}

/**
 * True when a browser sent this request from another site (CSRF): its Origin
 * names another host, or is "null" (sandboxed frames, some redirects), or —
 * without an Origin — Sec-Fetch-Site says cross-site or same-site. A request
 * with neither header is not from a browser page and carries no victim's
 * cookies, so it passes.
 */
export function isCrossSiteRequest(
  headers: Headers,
  requestUrl: string,
  publicUrl?: string,
): boolean {
  const origin = headers.get("origin");
  if (origin === null) {
    const site = headers.get("sec-fetch-site");
    return site === "cross-site" || site === "same-site";
  }
  const host = origin === "null" ? null : hostOf(origin);
  if (!host) return true;
  return !ownHosts(headers, requestUrl, publicUrl).has(host.toLowerCase());
}

/** next-auth's session cookie, with or without the __Secure- prefix (lib/auth/cookies.ts). */
export function isSessionCookie(name: string): boolean {
  return /(^|-)next-auth\.session-token(\.\d+)?$/.test(name);
}

export const PRIVATE_NO_STORE = "private, no-store";

/** API answers anyone may cache: they describe the code, not data. */
const PUBLIC_API = new Set(["/api/v1/openapi.json"]);

/**
 * The Cache-Control a response must carry, or null to leave the route's own:
 * every page for a signed-in user, and every API answer but the public
 * document, may hold personal data; no browser or shared cache keeps them.
 */
export function requiredCacheControl(pathname: string, signedIn: boolean): string | null {
  if (isApiPath(pathname)) return PUBLIC_API.has(pathname) ? null : PRIVATE_NO_STORE;
  if (hasFileExtension(pathname)) return null;
  return signedIn ? PRIVATE_NO_STORE : null;
}

/**
 * A NUL character anywhere in the URL, raw or percent-encoded. PostgreSQL
 * cannot store it in text and no real link has one: refused before anything
 * reads the URL.
 */
export function urlHasNul(url: string): boolean {
  return url.includes("\u0000") || /%00/i.test(url);
}

/** Upper bound of a server action's body (next.config.js serverActions.bodySizeLimit). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The body is declared larger than the limit. A body without a length is
 * bounded by Next itself (serverActions.bodySizeLimit), which counts the
 * bytes as they arrive.
 */
export function declaredTooLarge(headers: Headers, limit: number): boolean {
  const length = Number(headers.get("content-length"));
  return Number.isFinite(length) && length > limit;
}

/**
 * A state-changing request to a page (a server action) streamed without a
 * Content-Length: browsers always send one for React's string or FormData
 * bodies, so only a handcrafted request lacks it, and Next would answer its
 * oversized body with a 500.
 */
export function streamedWithoutLength(headers: Headers): boolean {
  return headers.has("transfer-encoding") && !headers.has("content-length");
}

/**
 * next-auth's endpoints (/api/auth/…) read forms only (its client posts
 * application/x-www-form-urlencoded); given JSON, malformed or not, it
 * crashes with a 500 before our code runs.
 */
export function isAuthPostWithWrongBody(method: string, pathname: string, headers: Headers) {
  if (method.toUpperCase() !== "POST" || !pathname.startsWith("/api/auth/")) return false;
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  return type !== "application/x-www-form-urlencoded";
}

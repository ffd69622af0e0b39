// The cookies next-auth sets, configured explicitly rather than left to its
// defaults: all HttpOnly, SameSite=Lax and on path "/". Over HTTPS (the public
// NEXTAUTH_URL of a deployment) they are Secure and carry the prefixes that
// make browsers enforce it: `__Secure-` for the session and callback cookies,
// `__Host-` (no Domain, path "/") for the CSRF cookie. Plain-HTTP development
// and e2e cannot set Secure cookies, so there they have neither.
import type { CookieOption, CookiesOptions } from "next-auth";

/** Whether cookies for this public URL can (and so must) be Secure. */
export function usesSecureCookies(nextAuthUrl: string): boolean {
  return new URL(nextAuthUrl).protocol === "https:";
}

function cookie(name: string, secure: boolean, extra: { maxAge?: number } = {}): CookieOption {
  return {
    name,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, ...extra },
  };
}

export function authCookies(nextAuthUrl: string): CookiesOptions {
  const secure = usesSecureCookies(nextAuthUrl);
  const prefix = secure ? "__Secure-" : "";
  return {
    sessionToken: cookie(`${prefix}next-auth.session-token`, secure),
    callbackUrl: cookie(`${prefix}next-auth.callback-url`, secure),
    csrfToken: cookie(`${secure ? "__Host-" : ""}next-auth.csrf-token`, secure),
    // Only used by OAuth providers; configured alike should one be added.
    pkceCodeVerifier: cookie(`${prefix}next-auth.pkce.code_verifier`, secure, { maxAge: 15 * 60 }),
    state: cookie(`${prefix}next-auth.state`, secure, { maxAge: 15 * 60 }),
    nonce: cookie(`${prefix}next-auth.nonce`, secure),
  };
}

/** The session cookie's name and whether it is Secure, for reading it back (lib/auth/gate.ts). */
export function sessionCookie(nextAuthUrl: string): { name: string; secure: boolean } {
  return {
    name: authCookies(nextAuthUrl).sessionToken.name,
    secure: usesSecureCookies(nextAuthUrl),
  };
}

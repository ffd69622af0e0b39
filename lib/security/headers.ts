// Security headers (OWASP ASVS 5.0, 3.4). Pages get a Content-Security-Policy
// with a fresh nonce per request (proxy.ts): Next puts the nonce on its own
// scripts, and no other inline script runs. Paths with a dot (public files,
// and the 404 page they may turn out to be) get the same page policy, so that
// the 404 page loads its styles. API answers get a policy that allows nothing
// (proxy.ts), as do Next's own files (next.config.js). The other headers are
// the same everywhere: next.config.js. The rules per request are in
// request-policy.ts.

/** A fresh, unguessable nonce: 16 random bytes, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script may run (Next's chunks).
    // Development only: React's dev tools evaluate code and hot reload uses a socket.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React, charts); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON answers and Next's own files: nothing may load, nothing may frame it. */
export { NON_PAGE_CONTENT_SECURITY_POLICY } from "./common-headers.mjs";

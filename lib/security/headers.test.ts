import { describe, expect, it } from "vitest";
import { commonSecurityHeaders } from "./common-headers.mjs";
import {
  createNonce,
  NON_PAGE_CONTENT_SECURITY_POLICY,
  pageContentSecurityPolicy,
} from "./headers";

describe("security headers", () => {
  it("makes a new nonce of 16 random bytes every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it("allows scripts only with the nonce in production, and no framing", () => {
    const csp = pageContentSecurityPolicy("abc", { dev: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(script).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(NON_PAGE_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it("sends HSTS in production only", () => {
    const keys = (production: boolean) => commonSecurityHeaders({ production }).map((h) => h.key);
    expect(keys(true)).toContain("Strict-Transport-Security");
    expect(keys(false)).not.toContain("Strict-Transport-Security");
    expect(keys(true)).toEqual(
      expect.arrayContaining([
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Permissions-Policy",
      ]),
    );
  });
});

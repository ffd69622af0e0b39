import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  bearerTokenOf,
  generateApiToken,
  hashApiToken,
  LAST_USED_RESOLUTION_MS,
  looksLikeApiToken,
  mayHoldApiToken,
  shouldTouch,
  tokenState,
} from "./tokens";

describe("API token format", () => {
  it("is bh_ and 32 random bytes in base64url, with a short shown prefix", () => {
    const { token, hash, prefix } = generateApiToken();
    expect(token).toMatch(/^bh_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(3), "base64url")).toHaveLength(32);
    expect(prefix).toBe(token.slice(0, 11));
    expect(prefix.startsWith("bh_")).toBe(true);
    expect(hash).toBe(hashApiToken(token));
    expect(looksLikeApiToken(token)).toBe(true);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateApiToken().token));
    expect(tokens.size).toBe(200);
  });

  it("is stored as its SHA-256 in hex, never in clear", () => {
    const { token, hash } = generateApiToken();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hash).not.toContain(token.slice(3, 20));
  });

  it("refuses strings that are not tokens before any lookup", () => {
    for (const value of [
      "",
      "bh_",
      "bh_short",
      `xx_${"a".repeat(43)}`,
      `bh_${"a".repeat(42)}`,
      `bh_${"a".repeat(44)}`,
      `bh_${"a".repeat(42)}=`,
      `bh_${"a".repeat(42)} `,
    ])
      expect(looksLikeApiToken(value), value).toBe(false);
  });
});

describe("bearerTokenOf", () => {
  it("takes the token of a Bearer header, whatever the scheme's case", () => {
    expect(bearerTokenOf("Bearer bh_abc")).toBe("bh_abc");
    expect(bearerTokenOf("bearer   bh_abc ")).toBe("bh_abc");
    expect(bearerTokenOf("BEARER bh_abc")).toBe("bh_abc");
  });

  it("gives null for no header, other schemes and malformed values", () => {
    expect(bearerTokenOf(null)).toBeNull();
    expect(bearerTokenOf(undefined)).toBeNull();
    expect(bearerTokenOf("")).toBeNull();
    expect(bearerTokenOf("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerTokenOf("Bearer")).toBeNull();
    expect(bearerTokenOf("Bearer a b")).toBeNull();
    expect(bearerTokenOf("bh_abc")).toBeNull();
  });
});

describe("token life", () => {
  const now = new Date("2026-05-01T10:00:00Z");

  it("is active until revoked or expired", () => {
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe("active");
    expect(tokenState({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe(
      "active",
    );
    expect(tokenState({ revokedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(tokenState({ revokedAt: new Date(0), expiresAt: null }, now)).toBe("revoked");
  });

  it("records a use at most once a minute", () => {
    expect(shouldTouch(null, now)).toBe(true);
    expect(shouldTouch(new Date(now.getTime() - 1000), now)).toBe(false);
    expect(shouldTouch(new Date(now.getTime() - LAST_USED_RESOLUTION_MS + 1), now)).toBe(false);
    expect(shouldTouch(new Date(now.getTime() - LAST_USED_RESOLUTION_MS), now)).toBe(true);
  });

  it("is for officials and admins only", () => {
    expect(mayHoldApiToken("OFFICIAL")).toBe(true);
    expect(mayHoldApiToken("ADMIN")).toBe(true);
    expect(mayHoldApiToken("PARTNER")).toBe(false);
  });
});

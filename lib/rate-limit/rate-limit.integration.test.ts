import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { unique } from "@/lib/testing/factories";
import { enforce, hit, rateLimitKey, reset } from "./index";

describe("rate limits", () => {
  it("count per key in a window and refuse past the limit", async () => {
    const key = unique("rl");
    const rule = { limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await hit(key, rule)).allowed);
    expect(results).toEqual([true, true, true, false, false]);
  });

  it("hold under concurrent hits: exactly the limit gets through", async () => {
    const key = unique("rl");
    const rule = { limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 30 }, () => hit(key, rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("start again after the window", async () => {
    const key = unique("rl");
    const rule = { limit: 1, windowSeconds: 1 };
    expect((await hit(key, rule)).allowed).toBe(true);
    expect((await hit(key, rule)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await hit(key, rule)).allowed).toBe(true);
  });

  it("enforce throws RATE_LIMITED with a retry time, and reset clears", async () => {
    const key = unique("rl");
    const rule = { limit: 1, windowSeconds: 120 };
    await enforce([{ key, rule }]);
    const error = await enforce([{ key, rule }]).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.retryAfter).toBeGreaterThan(100);
    await reset(key);
    await expect(enforce([{ key, rule }])).resolves.toBeUndefined();
  });

  it("skips checks without a key (no trusted client IP)", async () => {
    await expect(
      enforce([{ key: null, rule: { limit: 0, windowSeconds: 60 } }]),
    ).resolves.toBeUndefined();
  });

  it("stores email addresses in keys only as a hash, counting them all the same", async () => {
    const address = `${unique("Ada.Person")}@Example.EU`;
    const rule = { limit: 2, windowSeconds: 60 };
    expect((await hit(`reset:email:${address}`, rule)).allowed).toBe(true);
    expect((await hit(`reset:email:${address.toLowerCase()}`, rule)).allowed).toBe(true);
    expect((await hit(`reset:email:${address}`, rule)).allowed).toBe(false);
    const stored = rateLimitKey(`reset:email:${address}`);
    expect(stored).toMatch(/^reset:email:h\.[A-Za-z0-9_-]{43}$/);
    const local = address.split("@")[0]!;
    expect(
      await db.rateLimit.count({ where: { key: { contains: local, mode: "insensitive" } } }),
    ).toBe(0);
    expect(await db.rateLimit.count({ where: { key: stored } })).toBe(1);
    // Keys without an address are kept as they are.
    expect(rateLimitKey("api:token:abc123")).toBe("api:token:abc123");
    await reset(`reset:email:${address}`);
    expect(await db.rateLimit.count({ where: { key: stored } })).toBe(0);
  });
});

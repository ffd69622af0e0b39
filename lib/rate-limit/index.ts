import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

export type RateLimitRule = { limit: number; windowSeconds: number };

/** The limits of the app, in one place. */
export const RATE_LIMITS = {
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  loginPerIp: { limit: 50, windowSeconds: 15 * 60 },
  registerPerIp: { limit: 10, windowSeconds: 60 * 60 },
  passwordResetPerAccount: { limit: 5, windowSeconds: 60 * 60 },
  passwordResetPerIp: { limit: 20, windowSeconds: 60 * 60 },
  invitationPerUser: { limit: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; remaining: number; resetAt: Date };

/**
 * The key as stored: every email address in it replaced by a hash of the
 * address (case-folded), so that the table, and the log line of a refusal,
 * hold no personal data ("reset:email:ada@example.eu" becomes
 * "reset:email:h.<43 characters>"). Counting is unchanged: the same address
 * always gives the same hash. Tests that fill a window directly use this too.
 */
export function rateLimitKey(key: string): string {
  return key.replace(
    /[^\s:]+@[^\s:]+/g,
    (address) => `h.${createHash("sha256").update(address.toLowerCase()).digest("base64url")}`,
  );
}

/**
 * Counts one attempt against `key` in a fixed window, atomically in
 * PostgreSQL so that every instance shares the count.
 */
export async function hit(rawKey: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const key = rateLimitKey(rawKey);
  const rows = await db.$queryRaw<Array<{ count: number; resetAt: Date }>>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now()
                  THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0]!;
  return {
    allowed: row.count <= rule.limit,
    remaining: Math.max(0, rule.limit - row.count),
    resetAt: row.resetAt,
  };
}

/** Throws AppError("RATE_LIMITED") when any of the keys is over its limit. */
export async function enforce(checks: Array<{ key: string | null; rule: RateLimitRule }>) {
  for (const { key, rule } of checks) {
    if (key === null) continue;
    const result = await hit(key, rule);
    if (!result.allowed) {
      const retryAfter = Math.max(1, Math.ceil((result.resetAt.getTime() - Date.now()) / 1000));
      throw new AppError("RATE_LIMITED", `rate limit ${rateLimitKey(key)}`, { retryAfter });
    }
  }
}

/** Forgets the counter, e.g. after a successful login. */
export async function reset(key: string) {
  await db.rateLimit.deleteMany({ where: { key: rateLimitKey(key) } });
}

/** Removes expired counters; run by the job queue. */
export async function purgeExpired() {
  const { count } = await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date() } } });
  return count;
}

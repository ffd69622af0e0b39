import "server-only";
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
 * Counts one attempt against `key` in a fixed window, atomically in
 * PostgreSQL so that every instance shares the count.
 */
export async function hit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
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
      throw new AppError("RATE_LIMITED", `rate limit ${key}`, { retryAfter });
    }
  }
}

/** Forgets the counter, e.g. after a successful login. */
export async function reset(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Removes expired counters; run by the job queue. */
export async function purgeExpired() {
  const { count } = await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date() } } });
  return count;
}

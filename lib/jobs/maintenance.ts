import { db } from "@/lib/db";
import { purgeExpired } from "@/lib/rate-limit";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sessions expired or revoked longer ago than this are deleted. */
export const SESSION_RETENTION_DAYS = 30;
/** Email tokens used or expired longer ago than this are deleted. */
export const TOKEN_RETENTION_DAYS = 7;

/**
 * The maintenance.purge cron (hourly): removes expired rate-limit counters,
 * sessions that ended more than 30 days ago, and email tokens used or
 * expired more than 7 days ago.
 */
export async function purgeStaleRows(now: Date = new Date()) {
  const sessionCutoff = new Date(now.getTime() - SESSION_RETENTION_DAYS * DAY_MS);
  const tokenCutoff = new Date(now.getTime() - TOKEN_RETENTION_DAYS * DAY_MS);

  const rateLimits = await purgeExpired();
  const sessions = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lt: sessionCutoff } }, { revokedAt: { lt: sessionCutoff } }] },
  });
  const tokens = await db.userToken.deleteMany({
    where: { OR: [{ usedAt: { lt: tokenCutoff } }, { expiresAt: { lt: tokenCutoff } }] },
  });
  return { rateLimits, sessions: sessions.count, tokens: tokens.count };
}

import { db } from "@/lib/db";
import { MAX_EMAIL_ATTEMPTS, SWEEP_AFTER_SECONDS } from "@/lib/jobs/queues";
import { logger } from "@/lib/server/logger";
import { enqueueDelivery } from "./send";

/** At most this many messages per sweep; the next sweep, a minute later, takes the rest. */
const SWEEP_BATCH = 500;

/**
 * The outbox sweeper (the email.sweep cron, every minute): finds QUEUED
 * messages older than a minute that have no email.deliver job waiting,
 * running or retrying (enqueueing failed, or the job was lost), and enqueues
 * them again. A message that has used up its attempts is marked FAILED
 * instead. Reads pg-boss's job table (schema "pgboss", lib/jobs/boss.ts):
 * the job's singleton key is the message id.
 */
export async function sweepOutbox(): Promise<{ requeued: number; failed: number }> {
  const stranded = await db.$queryRaw<Array<{ id: string; attempts: number }>>`
    SELECT m."id", m."attempts"
    FROM "EmailMessage" m
    WHERE m."status" = 'QUEUED'
      AND m."createdAt" < now() - make_interval(secs => ${SWEEP_AFTER_SECONDS})
      AND NOT EXISTS (
        SELECT 1 FROM pgboss.job j
        WHERE j.name = 'email.deliver' AND j.singleton_key = m."id" AND j.state < 'completed'
      )
    ORDER BY m."createdAt"
    LIMIT ${SWEEP_BATCH}`;

  const exhausted = stranded.filter((m) => m.attempts >= MAX_EMAIL_ATTEMPTS).map((m) => m.id);
  if (exhausted.length > 0) {
    await db.emailMessage.updateMany({
      where: { id: { in: exhausted }, status: "QUEUED" },
      data: { status: "FAILED" },
    });
  }
  const retry = stranded.filter((m) => m.attempts < MAX_EMAIL_ATTEMPTS);
  for (const message of retry) await enqueueDelivery(message.id);

  if (stranded.length > 0) {
    logger.info({ requeued: retry.length, failed: exhausted.length }, "outbox sweep");
  }
  return { requeued: retry.length, failed: exhausted.length };
}

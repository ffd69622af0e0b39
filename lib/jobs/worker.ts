import type PgBoss from "pg-boss";
import { handlePasswordReset, handleRegistration } from "@/lib/auth/account-jobs";
import { db } from "@/lib/db";
import { deliverEmail } from "@/lib/email/deliver";
import { sweepOutbox } from "@/lib/email/sweep";
import { runStoredImport } from "@/lib/import/run";
import { sendInterestDigest } from "@/lib/interests/digest";
import { rebuildAll, rescoreOrganisation, rescoreTarget } from "@/lib/matching/engine";
import { logger } from "@/lib/server/logger";
import { getBoss, stopBoss } from "./boss";
import { purgeStaleRows } from "./maintenance";
import { EMAIL_BATCH_SIZE, type JobData, SCHEDULES } from "./queues";

/**
 * Handles one batch of email.deliver jobs. Each job is completed or failed on
 * its own (a failure in one must not send the others again), so the handler
 * settles them itself; pg-boss then finds nothing left active to complete.
 * On a job's last try (retryCount has reached retryLimit) a failure marks
 * the message FAILED.
 */
export function emailDeliverHandler(boss: PgBoss, deliver: typeof deliverEmail = deliverEmail) {
  return async (jobs: PgBoss.JobWithMetadata<JobData["email.deliver"]>[]) => {
    await Promise.all(
      jobs.map(async (job) => {
        const finalAttempt = job.retryCount >= job.retryLimit;
        try {
          const result = await deliver(job.data.messageId, { finalAttempt });
          await boss.complete(job.name, job.id, { result });
        } catch (error) {
          await boss.fail(job.name, job.id, {
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }),
    );
  };
}

const globalForWorkers = globalThis as unknown as {
  bridgeheadWorkers?: Promise<void>;
  bridgeheadWorkersStopped?: boolean;
};

/**
 * Registers this process's job handlers and the cron schedules. Every app
 * instance (and scripts/worker.ts) may run them: pg-boss fetches with
 * SELECT … FOR UPDATE SKIP LOCKED, so each job runs in one place at a time.
 * Started once per process.
 */
export function startWorkers(): Promise<void> {
  globalForWorkers.bridgeheadWorkers ??= (async () => {
    const boss = await getBoss();
    await boss.work<JobData["email.deliver"]>(
      "email.deliver",
      { batchSize: EMAIL_BATCH_SIZE, includeMetadata: true, pollingIntervalSeconds: 2 },
      emailDeliverHandler(boss),
    );
    await boss.work("email.sweep", async () => sweepOutbox());
    await boss.work("maintenance.purge", async () => {
      const purged = await purgeStaleRows();
      logger.info(purged, "maintenance purge");
      return purged;
    });
    await boss.work<JobData["matching.rescore-organisation"]>(
      "matching.rescore-organisation",
      { pollingIntervalSeconds: 1 },
      async ([job]) => job && rescoreOrganisation(db, job.data.organisationId),
    );
    await boss.work<JobData["matching.rescore-target"]>(
      "matching.rescore-target",
      { pollingIntervalSeconds: 1 },
      async ([job]) => job && rescoreTarget(db, job.data.kind, job.data.id),
    );
    await boss.work("matching.rebuild", async () => {
      const result = await rebuildAll(db);
      logger.info(result, "matching rebuilt");
      return result;
    });
    await boss.work<JobData["imports.run"]>(
      "imports.run",
      { pollingIntervalSeconds: 1 },
      async ([job]) => {
        if (!job) return;
        const result = await runStoredImport(db, job.data.runId, job.data.locale);
        return result.ok
          ? { created: result.created, updated: result.updated }
          : { errors: result.errors.length };
      },
    );
    await boss.work<JobData["auth.password-reset"]>(
      "auth.password-reset",
      { pollingIntervalSeconds: 1 },
      async ([job]) => job && handlePasswordReset(job.data),
    );
    await boss.work<JobData["auth.register"]>(
      "auth.register",
      { pollingIntervalSeconds: 1 },
      async ([job]) => job && handleRegistration(job.data),
    );
    await boss.work("interests.digest", async () => {
      const result = await sendInterestDigest(db);
      logger.info(result, "interest digest");
      return result;
    });
    // schedule() upserts by queue name: every instance may call it.
    for (const [name, cron] of Object.entries(SCHEDULES))
      await boss.schedule(name, cron, {}, { tz: "UTC" });
    logger.info("job workers started");
  })().catch((error: unknown) => {
    globalForWorkers.bridgeheadWorkers = undefined;
    throw error;
  });
  return globalForWorkers.bridgeheadWorkers;
}

/** True once stopWorkers ran (the process is shutting down): nothing starts them again. */
export function workersStopped(): boolean {
  return globalForWorkers.bridgeheadWorkersStopped === true;
}

/** Stops fetching jobs, lets running ones finish (up to `timeoutMs`), and closes the queue's pool. */
export async function stopWorkers(timeoutMs?: number): Promise<void> {
  globalForWorkers.bridgeheadWorkers = undefined;
  globalForWorkers.bridgeheadWorkersStopped = true;
  await stopBoss(timeoutMs);
}

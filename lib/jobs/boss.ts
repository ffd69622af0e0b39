import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/server/logger";
import { type JobData, QUEUES, type QueueName } from "./queues";

// One pg-boss per process, created on first use (so that `next build` and
// importing this module need no database) and kept across hot reloads.
type Holder = { boss: PgBoss; started: Promise<PgBoss> };
const globalForBoss = globalThis as unknown as { bridgeheadBoss?: Holder };

/** The schema pg-boss installs its tables in, beside the app's. */
export const BOSS_SCHEMA = "pgboss";

function create(): Holder {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: BOSS_SCHEMA,
    application_name: "bridgehead-jobs",
    max: 4,
    // Passed through to node-postgres: fail fast when the database is down,
    // so that queueEmail logs and moves on instead of hanging a request.
    connectionTimeoutMillis: 5_000,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));

  const started = (async () => {
    await boss.start();
    for (const [name, options] of Object.entries(QUEUES)) {
      await boss.createQueue(name, { name, ...options });
      // createQueue leaves an existing queue alone: bring its options up to date.
      await boss.updateQueue(name, { name, ...options });
    }
    return boss;
  })();

  started.catch((error: unknown) => {
    logger.warn({ err: error }, "job queue could not start; it will be retried on next use");
    // A pg-boss that failed half-way through start() cannot be started again: drop it.
    if (globalForBoss.bridgeheadBoss?.boss === boss) globalForBoss.bridgeheadBoss = undefined;
    boss.stop({ graceful: false, close: true }).catch(() => {});
  });
  return { boss, started };
}

/** The started pg-boss of this process (started once; the promise is shared). */
export function getBoss(): Promise<PgBoss> {
  globalForBoss.bridgeheadBoss ??= create();
  return globalForBoss.bridgeheadBoss.started;
}

/** Puts a job in one of the app's queues. Returns its id, or null when a singleton policy dropped it. */
export async function sendJob<N extends QueueName>(
  name: N,
  data: JobData[N],
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(name, data, options);
}

/**
 * Stops pg-boss gracefully: no new jobs are fetched, running jobs get up to
 * `timeoutMs` to finish (those still running are then failed, to be retried),
 * and the pool is closed.
 */
export async function stopBoss(timeoutMs = 30_000): Promise<void> {
  const holder = globalForBoss.bridgeheadBoss;
  if (!holder) return;
  globalForBoss.bridgeheadBoss = undefined;
  const boss = await holder.started.catch(() => null);
  if (!boss) return;
  await boss.stop({ graceful: true, wait: true, close: true, timeout: timeoutMs });
}

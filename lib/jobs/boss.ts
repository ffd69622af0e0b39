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

/**
 * Instances starting together create the same queues at the same moment, and
 * pg-boss's queue insert can then deadlock (40P01); PostgreSQL aborts one of
 * them. The insert does nothing when the queue exists, so trying again after
 * a short random pause is safe (e2e/scale-out.spec.ts starts two at once).
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const deadlock = (error as { code?: unknown } | null)?.code === "40P01";
      if (!deadlock || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200));
    }
  }
}

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
      await retryOnDeadlock(() => boss.createQueue(name, { name, ...options }));
      // createQueue leaves an existing queue alone: bring its options up to date.
      await retryOnDeadlock(() => boss.updateQueue(name, { name, ...options }));
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
 * Stops fetching jobs in this process (the first step of a graceful
 * shutdown): jobs already running go on, and the queue stays open so that
 * requests still in flight, and those jobs, can enqueue. Does nothing when
 * this process never used the queue.
 */
export async function pauseWorkers(): Promise<void> {
  const holder = globalForBoss.bridgeheadBoss;
  if (!holder) return;
  const boss = await holder.started.catch(() => null);
  if (!boss) return;
  for (const name of Object.keys(QUEUES)) await boss.offWork(name);
}

/**
 * Stops pg-boss gracefully: no new jobs are fetched, running jobs get up to
 * `timeoutMs` to finish (those still running are then failed, so that
 * pg-boss retries them as their queue allows), and the pool is closed.
 * While it waits, the running jobs can still enqueue on it.
 */
export async function stopBoss(timeoutMs = 30_000): Promise<void> {
  const holder = globalForBoss.bridgeheadBoss;
  if (!holder) return;
  const boss = await holder.started.catch(() => null);
  try {
    if (boss) await boss.stop({ graceful: true, wait: true, close: true, timeout: timeoutMs });
  } finally {
    if (globalForBoss.bridgeheadBoss === holder) globalForBoss.bridgeheadBoss = undefined;
  }
}

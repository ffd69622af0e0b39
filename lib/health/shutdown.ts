// Graceful shutdown of an app instance (instrumentation.ts installs it in the
// Next server). On SIGTERM or SIGINT, in this order:
//
// 1. Next closes its HTTP listener at once (new connections are refused) and
//    waits for the requests in flight (node_modules/next/dist/server/lib/
//    start-server.js: server.close(), then nextServer.close(), then
//    process.exit(143) for SIGTERM, 130 for SIGINT). Meanwhile the job
//    workers stop fetching; jobs already running go on.
// 2. When Next calls process.exit, the exit is held: the job queue waits for
//    its running jobs (what is left of the deadline), fails any still running
//    so that pg-boss retries them, and closes its pool; then the app's Prisma
//    pool is closed, so every connection ends cleanly. Then the process exits
//    with Next's code (scripts/run-app.ts reports a completed shutdown as 0).
// 3. Whatever happens, the process exits SHUTDOWN_TIMEOUT_MS after the signal
//    (code 1, logged): set the orchestrator's grace period above it.
//
// Its state lives on globalThis (shutdown-state.ts), where /api/ready sees it.
import { closeDb } from "@/lib/db";
import { pauseWorkers, stopBoss } from "@/lib/jobs/boss";
import { logger } from "@/lib/server/logger";
import { shutdownState } from "./shutdown-state";

/** From the signal to the forced exit. */
export const SHUTDOWN_TIMEOUT_MS = 25_000;
/** Kept back from the jobs' wait for closing the pools. */
const CLOSE_MARGIN_MS = 3_000;

/** Installs the handlers once per process. */
export function installGracefulShutdown(): void {
  const current = shutdownState();
  if (current.installed) return;
  current.installed = true;
  process.once("SIGTERM", () => begin("SIGTERM"));
  process.once("SIGINT", () => begin("SIGINT"));
}

function begin(signal: NodeJS.Signals) {
  const current = shutdownState();
  if (current.since !== undefined) return;
  const since = Date.now();
  current.since = since;
  logger.info({ signal, timeoutMs: SHUTDOWN_TIMEOUT_MS }, "shutdown: draining requests");

  const exit = process.exit.bind(process);
  setTimeout(() => {
    logger.error({ afterMs: Date.now() - since }, "shutdown: timed out, exiting");
    exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();

  // No new jobs from now on; the running ones go on.
  pauseWorkers().catch((error: unknown) =>
    logger.warn({ err: error }, "shutdown: could not pause the job workers"),
  );

  let closing = false;
  process.exit = ((code?: number | string | null) => {
    if (closing) return;
    closing = true;
    void close(since).then(() => {
      logger.info({ code, afterMs: Date.now() - since }, "shutdown: complete");
      exit(code ?? undefined);
    });
  }) as typeof process.exit;
}

/** After the HTTP server drained: the job queue, then the database pool. */
async function close(since: number) {
  logger.info({ afterMs: Date.now() - since }, "shutdown: requests drained");
  const jobsMs = Math.max(1_000, SHUTDOWN_TIMEOUT_MS - CLOSE_MARGIN_MS - (Date.now() - since));
  try {
    await stopBoss(jobsMs);
    logger.info({ afterMs: Date.now() - since }, "shutdown: job queue stopped");
  } catch (error) {
    logger.error({ err: error }, "shutdown: job queue did not stop cleanly");
  }
  try {
    await closeDb();
    logger.info({ afterMs: Date.now() - since }, "shutdown: database pool closed");
  } catch (error) {
    logger.error({ err: error }, "shutdown: database pool did not close cleanly");
  }
}

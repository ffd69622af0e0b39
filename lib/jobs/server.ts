import { logger } from "@/lib/server/logger";
import { startWorkers, workersStopped } from "./worker";

/**
 * For the Next server (instrumentation.ts): starts the job workers in this
 * instance. A failure to start is logged, not thrown: the site serves without
 * workers meanwhile, jobs wait in their queues for another instance, and the
 * start is tried again (after 5 s, doubling up to a minute), so an instance
 * that lost a race at start-up or started during a database outage gets its
 * workers once it can. Stopping them on SIGTERM/SIGINT is part of the
 * graceful shutdown (lib/health/shutdown.ts): they stop fetching at the
 * signal, the running jobs finish before the process exits, and no retry
 * starts them again.
 */
export async function runWorkersInServer(retryInMs = 5_000): Promise<void> {
  if (workersStopped()) return;
  try {
    await startWorkers();
  } catch (error) {
    logger.error({ err: error, retryInMs }, "job workers could not start");
    setTimeout(() => void runWorkersInServer(Math.min(retryInMs * 2, 60_000)), retryInMs).unref();
  }
}

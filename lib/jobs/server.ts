import { logger } from "@/lib/server/logger";
import { startWorkers } from "./worker";

/**
 * For the Next server (instrumentation.ts): starts the job workers in this
 * instance. A failure to start is logged, not thrown: the site serves without
 * workers, and emails wait in the outbox for another instance or the next
 * start. Stopping them on SIGTERM/SIGINT is part of the graceful shutdown
 * (lib/health/shutdown.ts): they stop fetching at the signal, and the running
 * jobs finish before the process exits.
 */
export async function runWorkersInServer(): Promise<void> {
  try {
    await startWorkers();
  } catch (error) {
    logger.error({ err: error }, "job workers could not start");
  }
}

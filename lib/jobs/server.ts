import { logger } from "@/lib/server/logger";
import { startWorkers, stopWorkers } from "./worker";

/**
 * For the Next server (instrumentation.ts): starts the job workers in this
 * instance and stops them gracefully on SIGTERM/SIGINT. A failure to start
 * is logged, not thrown: the site serves without workers, and emails wait in
 * the outbox for another instance or the next start.
 */
export async function runWorkersInServer(): Promise<void> {
  try {
    await startWorkers();
  } catch (error) {
    logger.error({ err: error }, "job workers could not start");
    return;
  }

  let stopped: Promise<void> | undefined;
  const onSignal = () => {
    if (stopped) return;
    // No new jobs are fetched; running ones get up to 30 s to finish.
    stopped = stopWorkers().catch((error: unknown) =>
      logger.error({ err: error }, "job workers did not stop cleanly"),
    );
    // Next handles the same signal: it closes its HTTP server, then calls
    // process.exit. Hold that exit until the running jobs are done, so that
    // a sent email is recorded as SENT rather than sent again after a retry.
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      void stopped?.finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

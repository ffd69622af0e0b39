// Next calls register() once when a server instance starts (never during
// `next build`). On the Node.js runtime it installs the graceful shutdown
// (lib/health/shutdown.ts: drain requests, finish running jobs, close the
// pools, exit) and starts the job workers (lib/jobs/worker.ts) unless
// JOBS_WORKER=off, e.g. when scripts/worker.ts runs them in a separate
// process. See docs/operations.md and docs/decisions/004-job-queue.md.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installGracefulShutdown } = await import("@/lib/health/shutdown");
  installGracefulShutdown();
  if (process.env.JOBS_WORKER === "off") return;
  const { runWorkersInServer } = await import("@/lib/jobs/server");
  await runWorkersInServer();
}

/** Errors while rendering a page: one JSON log line with the request id (lib/server/request-errors.ts). */
export async function onRequestError(
  ...args: Parameters<import("next").Instrumentation.onRequestError>
) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  return (await import("@/lib/server/request-errors")).onRequestError(...args);
}

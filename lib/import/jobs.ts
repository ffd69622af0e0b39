import { sendJob } from "@/lib/jobs/boss";
import type { ImportLocale } from "./messages";

/** Queues a stored upload; the worker runs it (lib/jobs/worker.ts). Throws when the queue is unreachable. */
export async function queueImportRun(runId: string, locale: ImportLocale): Promise<void> {
  await sendJob("imports.run", { runId, locale }, { singletonKey: runId });
}

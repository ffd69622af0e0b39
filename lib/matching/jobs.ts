import { sendJob } from "@/lib/jobs/boss";
import { logger } from "@/lib/server/logger";

// Re-scoring runs in the job queue, never inside the request: a profile save
// returns at once and the new scores follow within seconds. If the queue is
// unreachable the save still stands; the next rebuild catches up.

async function send(run: () => Promise<unknown>, what: string) {
  try {
    await run();
  } catch (error) {
    logger.warn({ err: error, what }, "could not queue re-scoring");
  }
}

export function requestOrganisationRescore(organisationId: string) {
  return send(
    () =>
      sendJob(
        "matching.rescore-organisation",
        { organisationId },
        { singletonKey: organisationId },
      ),
    `organisation ${organisationId}`,
  );
}

export function requestTargetRescore(kind: "THEME" | "OPPORTUNITY", id: string) {
  return send(
    () => sendJob("matching.rescore-target", { kind, id }, { singletonKey: `${kind}:${id}` }),
    `${kind} ${id}`,
  );
}

/** After a theme's keywords change every organisation's concepts may change: everything is rebuilt. */
export function requestRebuild() {
  return send(() => sendJob("matching.rebuild", {}, { singletonKey: "all" }), "rebuild");
}

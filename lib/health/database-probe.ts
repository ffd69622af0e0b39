// A quick check that PostgreSQL answers, for proxy.ts while this process's
// connections have just failed (lib/health/database-state.ts): one short-lived
// connection and SELECT 1, with a short timeout. Concurrent page requests
// share one probe, and its answer is reused for PROBE_REUSE_MS, so a burst of
// requests during an outage opens one connection, not one each. The answer
// updates the mark: a success clears it, a failure keeps it fresh.
import pg from "pg";
import { markDatabaseAvailable, markDatabaseUnavailable } from "./database-state";

/** How long the probe waits for a connection and for its answer (ms). */
export const PROBE_TIMEOUT_MS = 1_000;
/** How long a probe's answer is reused (ms). */
export const PROBE_REUSE_MS = 1_000;

type ProbeState = { running?: Promise<boolean>; last?: { at: number; ok: boolean } };
const probe: ProbeState = {};

/** One connection and SELECT 1 within `timeoutMs`: true when PostgreSQL answered. */
export async function canConnect(
  connectionString: string,
  timeoutMs = PROBE_TIMEOUT_MS,
  applicationName = "bridgehead-probe",
): Promise<boolean> {
  const client = new pg.Client({
    connectionString,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: applicationName,
  });
  client.on("error", () => {}); // a server going away under the probe is its answer
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    client.end().catch(() => {});
  }
}

/**
 * True when the database answers. Without a DATABASE_URL it cannot tell and
 * says true: the page then renders (and fails) as it would anyway.
 */
export function databaseAnswers(
  connectionString = process.env.DATABASE_URL,
  options: { timeoutMs?: number; now?: number } = {},
): Promise<boolean> {
  if (!connectionString) return Promise.resolve(true);
  const now = options.now ?? Date.now();
  if (probe.last && now - probe.last.at < PROBE_REUSE_MS) return Promise.resolve(probe.last.ok);
  probe.running ??= canConnect(connectionString, options.timeoutMs ?? PROBE_TIMEOUT_MS).then(
    (ok) => {
      probe.last = { at: Date.now(), ok };
      probe.running = undefined;
      if (ok) markDatabaseAvailable();
      else markDatabaseUnavailable();
      return ok;
    },
  );
  return probe.running;
}

/** Forgets the last answer (tests). */
export function resetDatabaseProbe(): void {
  probe.running = undefined;
  probe.last = undefined;
}

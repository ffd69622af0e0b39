// Whether this process's own connections to PostgreSQL just failed: a fact
// about this process only (nothing shared between instances), kept on
// globalThis because Next bundles proxy.ts, instrumentation and the route
// handlers separately, and proxy.ts must see what they noted.
//
// Set where an unreachable database is recognised (createRoute, createApiRoute
// and createAction through classifyError/isDatabaseUnavailable, page errors
// in onRequestError, /api/ready); cleared by the first success seen
// (/api/ready, the proxy's probe). While it is fresh, proxy.ts probes the
// database before a page request and answers 503 if it still does not answer
// (lib/health/database-probe.ts). A healthy process never probes: reading
// this is one property access.
type DatabaseState = { unavailableAt: number | null };
const globalForState = globalThis as unknown as { bridgeheadDatabaseState?: DatabaseState };

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** How long a failure counts as news (ms): long enough to span a burst of requests. */
export const UNAVAILABLE_FRESH_MS = 5_000;

function state(): DatabaseState {
  globalForState.bridgeheadDatabaseState ??= { unavailableAt: null };
  return globalForState.bridgeheadDatabaseState;
}

/** This process could not reach PostgreSQL just now. */
export function markDatabaseUnavailable(now = Date.now()): void {
  state().unavailableAt = now;
}

/** This process reached PostgreSQL: the mark goes. */
export function markDatabaseAvailable(): void {
  state().unavailableAt = null;
}

/** True while a failure of this process's connections is fresh. */
export function databaseRecentlyUnavailable(now = Date.now()): boolean {
  const at = state().unavailableAt;
  return at !== null && now - at < UNAVAILABLE_FRESH_MS;
}

// Whether this process is shutting down (lib/health/shutdown.ts sets it at
// SIGTERM/SIGINT). Kept on globalThis: Next bundles instrumentation and the
// route handlers separately, and /api/ready (lib/health/readiness.ts) must see
// what instrumentation's handler set.
type ShutdownState = { installed: boolean; since?: number };
const globalForShutdown = globalThis as unknown as { bridgeheadShutdown?: ShutdownState };

export function shutdownState(): ShutdownState {
  globalForShutdown.bridgeheadShutdown ??= { installed: false };
  return globalForShutdown.bridgeheadShutdown;
}

/** True once SIGTERM/SIGINT arrived: /api/ready answers 503 from then on. */
export function isShuttingDown(): boolean {
  return shutdownState().since !== undefined;
}

// Extra production instances of the app, for the tests that need to control
// the server itself (stop its database, send it SIGTERM, run two of them
// behind a load balancer). They run the same build as the e2e server
// (`npm run build` first) through scripts/run-app.ts, so start-up
// (migrations, seed) is the real one.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbedded } from "../../scripts/lib/database";

export type AppInstance = {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the instance printed so far (stdout and stderr). */
  output(): string;
  /** Sends the signal and waits for the process to exit; resolves to its exit code. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
};

/** A fixed secret, so that several instances accept each other's session cookies. */
export const INSTANCE_SECRET = "e2e-instance-secret-0123456789abcdef";

export async function startAppInstance(options: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  /** How long to wait for /api/health (ms). */
  readyTimeoutMs?: number;
}): Promise<AppInstance> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: INSTANCE_SECRET,
      NODE_ENV: "production",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  child.stdout?.on("data", (chunk) => {
    log += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    log += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance on ${port} exited early:\n${log}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`instance on ${port} did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    port,
    process: child,
    output: () => log,
    async stop(signal = "SIGTERM", timeoutMs = 30_000) {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** A throw-away embedded PostgreSQL for one test file; `stop()` also removes its files. */
export async function startTestDatabase() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bridgehead-instance-pg-"));
  const database = await startEmbedded(dir);
  return {
    url: database.url,
    dataDir: dir,
    async stop() {
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

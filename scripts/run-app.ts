// `npm run dev` and `npm start`: find or start PostgreSQL, migrate, seed an
// empty database, then run Next. The embedded server stops when Next does.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { openDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/prepare";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/run-app.ts dev|start");
  process.exit(2);
}

const database = await openDatabase();
if (database.owned)
  console.log(`[db] embedded PostgreSQL ready at ${database.url.replace(/:[^:@/]*@/, ":***@")}`);

let exiting = false;
async function shutdown(code: number) {
  if (exiting) return;
  exiting = true;
  await database.stop().catch((error) => console.error("[db] stop failed:", error));
  process.exit(code);
}

try {
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
  const next = spawn(process.execPath, [nextBin, mode, "--port", port], {
    stdio: "inherit",
    env: childEnv,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      // Next shuts down gracefully on the same signal; we stop PostgreSQL after it.
      next.kill(signal);
    });
  }
  next.on("exit", (code, signal) => shutdown(code ?? (signal ? 0 : 1)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
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

// Starts the production build for the end-to-end tests on a fresh embedded
// database, so tests never touch the developer's .data/postgres.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const dataDir = ".data/e2e-postgres";
rmSync(dataDir, { recursive: true, force: true });
const child = spawn("npx", ["tsx", "scripts/run-app.ts", "start"], {
  stdio: "inherit",
  env: { ...process.env, EMBEDDED_PG_DIR: dataDir, DATABASE_URL: "" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

// npm run db:restore -- <backup file> [--force]: puts a backup made by
// npm run db:backup back (docs/operations.md, docs/decisions/005-backups.md).
// - No DATABASE_URL: replaces the embedded PostgreSQL's data directory
//   (.data/postgres, or EMBEDDED_PG_DIR) with the backup; the replaced one is
//   kept beside it. Refuses while PostgreSQL runs on it (the app is using
//   it) unless --force, which stops that server first.
// - DATABASE_URL: pg_restore --clean --single-transaction of a .dump file.
//   Refuses while the app is connected unless --force.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { restoreEmbedded, restoreExternal } from "./lib/backup";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("-"));

if (!file) {
  const dir = path.resolve(".data/backups");
  const found = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => /^bridgehead-\d{8}T\d{6}Z\.(tar\.gz|dump)$/.test(f))
    .sort()
    .reverse();
  console.error("usage: npm run db:restore -- <backup file> [--force]");
  if (found.length > 0)
    console.error(`backups in ${dir}, newest first:\n${found.map((f) => `  ${f}`).join("\n")}`);
  process.exit(2);
}

try {
  const external = process.env.DATABASE_URL;
  if (external) {
    await restoreExternal(external, path.resolve(file), force);
    console.log(`[restore] ${file} restored with pg_restore`);
  } else {
    const { defaultDataDir } = await import("./lib/database");
    const result = await restoreEmbedded({
      file: path.resolve(file),
      dataDir: defaultDataDir(),
      force,
      log: (line) => console.log(`[restore] ${line}`),
    });
    console.log(
      `[restore] done: the database is as it was at ${result.manifest.createdAt}; ${result.migrations.length} migrations applied.`,
    );
    if (result.previous)
      console.log(
        `[restore] the replaced data directory is kept in ${result.previous}; delete it when satisfied.`,
      );
    console.log("[restore] start the app again (npm run dev or npm start).");
  }
} catch (error) {
  console.error(`[restore] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

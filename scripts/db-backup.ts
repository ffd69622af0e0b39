// npm run db:backup [-- <file or directory>]: a backup of the database
// (docs/operations.md, docs/decisions/005-backups.md).
// - No DATABASE_URL: an online physical backup of the embedded PostgreSQL
//   (.data/postgres, or EMBEDDED_PG_DIR), running or not, into
//   .data/backups/bridgehead-<UTC timestamp>.tar.gz.
// - DATABASE_URL: pg_dump --format=custom into .data/backups/bridgehead-<UTC>.dump,
//   when the installed pg_dump is at least the server's version.
import { rm } from "node:fs/promises";
import { backupEmbedded, dumpExternal, resolveOutput } from "./lib/backup";

const argument = process.argv.slice(2).find((a) => !a.startsWith("-"));
const external = process.env.DATABASE_URL;
let file: string | undefined;

try {
  if (external) {
    file = await resolveOutput(argument, "dump");
    await dumpExternal(external, file);
    console.log(`[backup] pg_dump written to ${file}`);
  } else {
    // Loaded only here: with DATABASE_URL the embedded server is never touched.
    const { defaultDataDir, openDatabase } = await import("./lib/database");
    file = await resolveOutput(argument, "tar.gz");
    const database = await openDatabase();
    try {
      const manifest = await backupEmbedded({
        url: database.url,
        dataDir: defaultDataDir(),
        file,
        log: (line) => console.log(`[backup] ${line}`),
      });
      console.log(
        `[backup] ${file}: PostgreSQL ${manifest.serverVersion}, databases ${manifest.databases.join(", ")}, ${manifest.migrations.length} migrations`,
      );
    } finally {
      await database.stop();
    }
  }
} catch (error) {
  if (file) await rm(`${file}.partial`, { force: true });
  console.error(`[backup] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

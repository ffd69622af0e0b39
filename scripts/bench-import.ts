// npx tsx scripts/bench-import.ts [rows]: times an import of generated
// organisations (default 50,000 rows, CSV) through lib/import/run.ts, without
// re-scoring. Each run writes new externalRefs; run it on a development
// database only. Not an npm script on purpose.
import { randomBytes } from "node:crypto";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { importOrganisations } from "@/lib/import/run";
import { openDatabase } from "./lib/database";

const rows = Number(process.argv[2] ?? 50_000);
const batch = randomBytes(4).toString("hex");
const types = ["university", "research_institute", "sme", "large_company", "cluster"];
const countries = ["DE", "FR", "NL", "PL", "IT", "ES", "SE", "AT"];
const lines = ["externalRef,name,type,country,city,website,description,keywords,themes"];
for (let i = 0; i < rows; i++) {
  lines.push(
    [
      `bench-${batch}-${i}`,
      `"Benchmark Organisation ${i} GmbH"`,
      types[i % types.length],
      countries[i % countries.length],
      "Kiel",
      `https://org${i}.example.eu`,
      `"Research and services on dairy fermentation, food safety and precision farming, number ${i}, with pilot plants and laboratories."`,
      `"dairy;fermentation;sensors;k${i % 97}"`,
      i % 3 === 0 ? "dairy" : "",
    ].join(","),
  );
}
const content = `${lines.join("\n")}\n`;

const database = await openDatabase();
const db = createPrismaClient(database.url, { max: 4 });
try {
  await migrate(database.url);
  const hasDairy = (await db.theme.count({ where: { slug: "dairy" } })) > 0;
  const file = hasDairy ? content : content.replaceAll(",dairy\n", ",\n");
  const started = performance.now();
  let checked = 0;
  const result = await importOrganisations(
    db,
    { content: file, format: "CSV", source: "cli", actorId: null, fileName: "bench.csv" },
    {
      rescore: "skip",
      onProgress: ({ phase, done }) => {
        if (phase === "importing" && done === 0) checked = performance.now();
      },
    },
  );
  const ended = performance.now();
  console.log(
    `${rows} rows (${(Buffer.byteLength(file) / 1024 / 1024).toFixed(1)} MB): ` +
      `${result.ok ? `${result.created} created` : `FAILED ${JSON.stringify(result.errors.slice(0, 3))}`} in ` +
      `${((ended - started) / 1000).toFixed(1)} s (parse + checks ${((checked - started) / 1000).toFixed(1)} s, writes ${((ended - checked) / 1000).toFixed(1)} s)`,
  );
} finally {
  await db.$disconnect();
  await database.stop();
}
process.exit(0);

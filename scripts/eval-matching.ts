// npm run eval:matching: ranking quality of Bridgehead's matching against a
// plain BM25 ranking (wink-bm25-text-search) with each theme's name as the
// query, on a labelled set of European organisations
// (lib/matching/eval/labelled-organisations.ts). Runs the real engine on a
// throw-away PostgreSQL, exactly as in production.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import bm25 from "wink-bm25-text-search";
import nlp from "wink-nlp-utils";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { rebuildAll } from "@/lib/matching/engine";
import { LABELLED_ORGANISATIONS } from "@/lib/matching/eval/labelled-organisations";
import { ndcgAt, precisionAt } from "@/lib/matching/eval/metrics";
import { seedDatabase } from "@/prisma/seed";
import { startEmbedded } from "./lib/database";

const K = 20;
const dir = await mkdtemp(path.join(tmpdir(), "bridgehead-eval-"));
await chmod(dir, 0o755);
const database = await startEmbedded(path.join(dir, "data"));
const db = createPrismaClient(database.url, { max: 4 });

try {
  await migrate(database.url);
  await seedDatabase(db, { demo: false });
  // Only what an imported profile would give: name, type, country, description, keywords.
  await db.organisation.createMany({
    data: LABELLED_ORGANISATIONS.map((o) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      country: o.country,
      description: o.description,
      keywords: o.keywords,
      origin: "IMPORTED" as const,
    })),
  });
  await rebuildAll(db);

  const engine = bm25();
  engine.defineConfig({ fldWeights: { name: 1, body: 2 } });
  engine.definePrepTasks([
    nlp.string.lowerCase,
    nlp.string.tokenize0,
    nlp.tokens.removeWords,
    nlp.tokens.stem,
  ]);
  for (const o of LABELLED_ORGANISATIONS)
    engine.addDoc({ name: o.name, body: `${o.keywords.join(" ")} ${o.description}` }, o.id);
  engine.consolidate();

  const themes = await db.theme.findMany({ orderBy: { order: "asc" } });
  const rows: Array<{
    theme: string;
    relevant: number;
    ndcg: [number, number];
    precision: [number, number];
  }> = [];
  for (const theme of themes) {
    const relevance = new Map(
      LABELLED_ORGANISATIONS.flatMap((o) => {
        const grade = o.relevance[theme.slug as keyof typeof o.relevance];
        return grade ? [[o.id, grade] as [string, number]] : [];
      }),
    );
    const scores = await db.matchScore.findMany({
      where: { targetKind: "THEME", targetId: theme.id },
      orderBy: [{ score: "desc" }, { organisationId: "asc" }],
      select: { organisationId: true },
    });
    const ours = scores.map((s) => s.organisationId);
    const baseline = (engine.search(theme.nameEn, K) as Array<[string, number]>).map(([id]) => id);
    rows.push({
      theme: theme.slug,
      relevant: relevance.size,
      ndcg: [ndcgAt(ours, relevance, K), ndcgAt(baseline, relevance, K)],
      precision: [precisionAt(ours, relevance, K), precisionAt(baseline, relevance, K)],
    });
  }

  const f = (n: number) => n.toFixed(3);
  console.log(
    `Labelled organisations: ${LABELLED_ORGANISATIONS.length} (${LABELLED_ORGANISATIONS.filter((o) => o.language === "zh").length} in Chinese, ${LABELLED_ORGANISATIONS.filter((o) => Object.keys(o.relevance).length === 0).length} fitting no theme)\n`,
  );
  console.log(
    `| theme | relevant | nDCG@${K} Bridgehead | nDCG@${K} BM25 | P@${K} Bridgehead | P@${K} BM25 |`,
  );
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.theme} | ${r.relevant} | ${f(r.ndcg[0])} | ${f(r.ndcg[1])} | ${f(r.precision[0])} | ${f(r.precision[1])} |`,
    );
  }
  const mean = (pick: (r: (typeof rows)[number]) => number) =>
    rows.reduce((s, r) => s + pick(r), 0) / rows.length;
  console.log(
    `| **mean** | | ${f(mean((r) => r.ndcg[0]))} | ${f(mean((r) => r.ndcg[1]))} | ${f(mean((r) => r.precision[0]))} | ${f(mean((r) => r.precision[1]))} |`,
  );
  const beaten = rows.filter((r) => r.ndcg[0] > r.ndcg[1] && r.precision[0] >= r.precision[1]);
  console.log(
    `\nBridgehead beats BM25 on nDCG@${K} (and matches or beats it on P@${K}) for ${beaten.length} of ${rows.length} themes.`,
  );
  if (beaten.length < rows.length) process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

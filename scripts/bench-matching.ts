// npm run bench:matching: 50,000 generated organisations and 200 opportunities
// on a throw-away PostgreSQL; measures the full rebuild, the incremental
// re-score after one profile edit, and the top-50 queries (p50/p95).
// Targets (docs/performance.md): rebuild ≤ 30 s, re-score ≤ 200 ms, p95 ≤ 20 ms.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { rebuildAll, rescoreOrganisation } from "@/lib/matching/engine";
import { seedDatabase } from "@/prisma/seed";
import { opportunityRow, organisationRow, percentile, profileText } from "./lib/bench-data";
import { ownCpuSeconds, postgresCpuSeconds } from "./lib/cpu";
import { startEmbedded } from "./lib/database";

const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 50_000);
const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 200);

// BENCH_DATA_DIR keeps the generated database between runs (for working on
// the engine); by default each run starts from a throw-away one.
const keep = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : null;
const dir = keep ?? (await mkdtemp(path.join(tmpdir(), "bridgehead-bench-")));
await chmod(dir, 0o755);
const database = await startEmbedded(path.join(dir, "data"));
const db = createPrismaClient(database.url, { max: 4 });
try {
  await migrate(database.url);
  await seedDatabase(db, { demo: false });
  const themes = await db.theme.findMany();
  const reused = keep !== null && (await db.organisation.count()) > 0;
  if (reused) console.log(`reusing the organisations in ${dir}`);
  else {
    console.log(`generating ${ORGANISATIONS} organisations and ${OPPORTUNITIES} opportunities…`);
    const opportunityRows = Array.from({ length: OPPORTUNITIES }, (_, i) =>
      opportunityRow(i, themes[i % themes.length]!.id),
    );
    await db.opportunity.createMany({ data: opportunityRows });
    for (let i = 0; i < ORGANISATIONS; i += 5000) {
      await db.organisation.createMany({
        data: Array.from({ length: Math.min(5000, ORGANISATIONS - i) }, (_, j) =>
          organisationRow(i + j),
        ),
      });
    }
    const declared = await db.organisation.findMany({
      select: { id: true },
      where: { name: { endsWith: "7" } },
    });
    await db.organisationTheme.createMany({
      data: declared.map((o, i) => ({
        organisationId: o.id,
        themeId: themes[i % themes.length]!.id,
      })),
    });
    await db.$executeRawUnsafe("VACUUM ANALYZE");
  }

  const dataDir = path.join(dir, "data");
  const cpuBefore = { node: ownCpuSeconds(), postgres: postgresCpuSeconds(dataDir) };
  const started = Date.now();
  const memoryBefore = process.memoryUsage().rss;
  const rebuild = await rebuildAll(db, ({ phase, done, total }) => {
    if (done === total)
      console.log(`  ${phase}: ${done}/${total} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });
  const rebuildSeconds = (Date.now() - started) / 1000;
  console.log("  where the scoring phase spent its time (ms):", rebuild.timings);
  const pgAfter = postgresCpuSeconds(dataDir);
  const cpu = {
    node: ownCpuSeconds() - cpuBefore.node,
    postgres: pgAfter !== null && cpuBefore.postgres !== null ? pgAfter - cpuBefore.postgres : null,
  };
  console.log(
    `  CPU time of the rebuild: this process ${cpu.node.toFixed(1)} s, PostgreSQL ${cpu.postgres?.toFixed(1) ?? "?"} s`,
  );
  const rss = (process.memoryUsage().rss - memoryBefore) / 1024 / 1024;

  const sample = await db.organisation.findFirstOrThrow({
    where: { name: `Bench Organisation ${Math.floor(ORGANISATIONS / 4)}` },
  });
  const incremental: number[] = [];
  for (let i = 0; i < 20; i++) {
    await db.organisation.update({
      where: { id: sample.id },
      data: { description: `${profileText().description} Edit ${i}.` },
    });
    const t = performance.now();
    await rescoreOrganisation(db, sample.id);
    incremental.push(performance.now() - t);
  }

  const theme = themes.find((t) => t.slug === "dairy")!;
  const opportunity = await db.opportunity.findFirstOrThrow({ where: { slug: "bench-7" } });
  const top50 = async (kind: "THEME" | "OPPORTUNITY", id: string) => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await db.matchScore.findMany({
        where: { targetKind: kind, targetId: id },
        orderBy: { score: "desc" },
        take: 50,
        select: {
          score: true,
          explanation: true,
          organisation: { select: { id: true, name: true, country: true, type: true } },
        },
      });
      times.push(performance.now() - t);
    }
    return times;
  };
  const themeTimes = await top50("THEME", theme.id);
  const opportunityTimes = await top50("OPPORTUNITY", opportunity.id);
  const f = (n: number) => n.toFixed(1);
  console.log("\n| measure | result | target |");
  console.log("|---|---|---|");
  console.log(
    `| full rebuild (${ORGANISATIONS} organisations × ${rebuild.targets} targets, ${rebuild.stored} scores stored) | ${f(rebuildSeconds)} s | ≤ 30 s |`,
  );
  console.log(`| memory added during the rebuild (RSS) | ${f(rss)} MiB | |`);
  console.log(
    `| CPU time of the rebuild: this process / PostgreSQL | ${f(cpu.node)} / ${cpu.postgres === null ? "?" : f(cpu.postgres)} s | |`,
  );
  console.log(
    `| incremental re-score after one profile edit, p50 / p95 of 20 | ${f(percentile(incremental, 50))} / ${f(percentile(incremental, 95))} ms | ≤ 200 ms |`,
  );
  console.log(
    `| top-50 for a theme, p50 / p95 of 200 | ${f(percentile(themeTimes, 50))} / ${f(percentile(themeTimes, 95))} ms | p95 ≤ 20 ms |`,
  );
  console.log(
    `| top-50 for an opportunity, p50 / p95 of 200 | ${f(percentile(opportunityTimes, 50))} / ${f(percentile(opportunityTimes, 95))} ms | p95 ≤ 20 ms |`,
  );
} finally {
  await db.$disconnect();
  await database.stop();
  if (!keep) await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

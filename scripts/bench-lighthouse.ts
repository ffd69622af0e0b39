// npm run bench:lighthouse: Lighthouse (performance, accessibility, best
// practices) on the production build, for the home page, a theme page, a
// partner's suggested matches and the officials' queue, and the first-load
// JavaScript of each page against its budget (scripts/lib/js-budgets.json).
//
//   npm run bench:lighthouse                        build, start on the bench-load data set
//   npm run bench:lighthouse -- --no-build --reuse  reuse .next and .data/bench-load
//   npm run bench:lighthouse -- --url=http://localhost:3000 [--theme=dairy]
//       [--partner-cookie=<next-auth.session-token value>] [--official-cookie=…]
//       a running app instead (signed-in pages only with the cookies)
//   --preset=desktop   Lighthouse's desktop settings instead of its (stricter) mobile ones
//   --runs=3           runs per page; the report kept is the median performance score's run
//
// On its own server it also measures the two floors (lib/performance/bench-floor.ts):
// a page with nothing in it, outside and inside the shared layout. They are
// references, not targets: no page can score better than its floor.
//
// Targets (docs/performance.md): performance ≥ 95, accessibility 100, best
// practices ≥ 95, script bytes within budget. Lighthouse 12 has no budget.json:
// the script bytes are summed from the report's network-requests audit.
// Exits 0 whatever the verdict: it is a benchmark. Reports are kept in
// .data/bench-lighthouse/<page>.json (open them in the Lighthouse viewer).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import type { AppInstance } from "@/e2e/support/app-instance";
import { INSTANCE_SECRET } from "@/e2e/support/app-instance";
import { BENCH_FLOOR_PATH } from "@/lib/performance/bench-floor";
import {
  type BenchDatabase,
  loadFixtures,
  openBenchDatabase,
  SESSION_COOKIE,
} from "./lib/bench-seed";
import { ensureBuild, parseArgs, startBenchServer } from "./lib/bench-server";

const args = parseArgs(process.argv.slice(2), { port: 3271 });
const DESKTOP = args.values.get("preset") === "desktop";
const RUNS = Number(args.values.get("runs") ?? 3);
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error("--runs must be a whole number, 1 or more");
const REPORTS = path.resolve(".data/bench-lighthouse");
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 95 } as const;
type CategoryId = keyof typeof TARGETS;

type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

type Page = {
  name: string;
  path: string;
  /** The Cookie header of a signed-in visitor, if the page needs one. */
  cookie?: string;
  /** A floor page: measured like a page, not one of the targets. */
  reference?: boolean;
};

/** Script bytes transferred on the first load, per page (KiB). */
type Budgets = Record<string, number>;

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
console.log(`load average at start (1, 5, 15 min): ${load()}; ${os.cpus().length} CPUs`);

let instance: AppInstance | null = null;
let database: BenchDatabase | null = null;
let chrome: chromeLauncher.LaunchedChrome | null = null;
try {
  let base: string;
  let pages: Page[];
  if (args.url) {
    base = args.url.replace(/\/$/, "");
    const theme = args.values.get("theme") ?? "dairy";
    const partner = args.values.get("partner-cookie");
    const official = args.values.get("official-cookie");
    pages = [
      { name: "home", path: "/en" },
      { name: "theme", path: `/en/themes/${theme}` },
      ...(partner
        ? [{ name: "matches", path: "/en/matches", cookie: `${SESSION_COOKIE}=${partner}` }]
        : []),
      ...(official
        ? [
            {
              name: "queue",
              path: "/zh/official/interests",
              cookie: `${SESSION_COOKIE}=${official}`,
            },
          ]
        : []),
    ];
    if (!partner || !official)
      console.log("without --partner-cookie and --official-cookie the signed-in pages are skipped");
  } else {
    await ensureBuild(args.build);
    database = await openBenchDatabase({ reuse: args.reuse });
    const fixtures = await loadFixtures(database.db, INSTANCE_SECRET, { count: 1 });
    instance = await startBenchServer(database.url, args.port);
    base = instance.url;
    pages = [
      { name: "floor", path: BENCH_FLOOR_PATH, reference: true },
      { name: "layout", path: `/en${BENCH_FLOOR_PATH}`, reference: true },
      { name: "home", path: "/en" },
      { name: "theme", path: `/en/themes/${fixtures.themeSlug}` },
      { name: "matches", path: "/en/matches", cookie: fixtures.partners[0]!.cookie },
      { name: "queue", path: "/zh/official/interests", cookie: fixtures.officials[0]!.cookie },
    ];
  }

  // The page must answer 200 itself: a redirect to sign in would be measured instead.
  for (const page of pages) {
    const response = await fetch(base + page.path, {
      headers: page.cookie ? { cookie: page.cookie } : {},
      redirect: "manual",
    });
    if (response.status !== 200)
      throw new Error(
        `${page.path} answered ${response.status} ${response.headers.get("location") ?? ""}`,
      );
  }

  const budgets: Budgets = JSON.parse(
    await readFile(new URL("./lib/js-budgets.json", import.meta.url), "utf8"),
  );
  await mkdir(REPORTS, { recursive: true });
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
  });
  // The session cookie goes into the browser's own cookie jar, as after signing
  // in. (With Lighthouse's extraHeaders, a run of the queue was redirected to
  // sign in and measured as that page: by then the jar held the site's
  // NEXT_LOCALE cookie, and the header's session did not reach the server.)
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const jar = cdp.contexts()[0];
  if (!jar) throw new Error("Chromium has no default browser context");

  type Row = {
    page: Page;
    scores: Record<CategoryId, number | null>;
    scriptKiB: number;
    scripts: number;
    budgetKiB: number | undefined;
    failing: string[];
    metrics: string;
    /** Every run's performance score, in order. */
    runs: Array<number | null>;
  };
  const rows: Row[] = [];
  let benchmarkIndex: number | undefined;
  for (const page of pages) {
    // One warm request first, so that the server's first-render costs are not measured.
    await fetch(base + page.path, { headers: page.cookie ? { cookie: page.cookie } : {} });
    console.log(`lighthouse ${page.path} (${RUNS} run${RUNS === 1 ? "" : "s"})…`);
    // Single runs of the same page differ by several points: the median run is kept.
    const runs: LighthouseResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      await jar.clearCookies();
      if (page.cookie) {
        const split = page.cookie.indexOf("=");
        await jar.addCookies([
          { name: page.cookie.slice(0, split), value: page.cookie.slice(split + 1), url: base },
        ]);
      }
      const result = await lighthouse(
        base + page.path,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: Object.keys(TARGETS),
        },
        DESKTOP ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`lighthouse returned nothing for ${page.path}`);
      if (result.lhr.runtimeError)
        throw new Error(`${page.path}: ${result.lhr.runtimeError.message}`);
      // A redirect (to sign in, to an error) must never be measured as the page.
      const landed = new URL(result.lhr.finalDisplayedUrl);
      if (landed.pathname !== page.path)
        throw new Error(
          `${page.path}: Lighthouse measured ${landed.pathname}${landed.search} instead`,
        );
      runs.push(result.lhr);
    }
    // The run with the median performance score (Lighthouse's own computeMedianRun picks
    // by first paint and interactivity, which can keep a run that scored far from the rest).
    const score = (r: LighthouseResult) => r.categories.performance?.score ?? 0;
    const lhr = [...runs].sort((a, b) => score(a) - score(b))[Math.floor(runs.length / 2)]!;
    benchmarkIndex = lhr.environment.benchmarkIndex;
    await writeFile(path.join(REPORTS, `${page.name}.json`), JSON.stringify(lhr));

    const requests =
      (
        lhr.audits["network-requests"]?.details as
          | { items?: Array<{ url: string; resourceType?: string; transferSize?: number }> }
          | undefined
      )?.items ?? [];
    const scripts = requests.filter((r) => r.resourceType === "Script");
    const scriptKiB = scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024;

    const failing: string[] = [];
    for (const id of Object.keys(TARGETS) as CategoryId[]) {
      const category = lhr.categories[id];
      if (!category) continue;
      // The metrics are printed on their own line: here the audits that explain them.
      const audits = category.auditRefs
        .filter((ref) => ref.group !== "metrics")
        .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
        .filter(
          ({ audit }) =>
            audit.score !== null &&
            audit.score < 0.9 &&
            !["informative", "manual", "notApplicable"].includes(audit.scoreDisplayMode),
        )
        .sort((a, b) => (a.audit.score ?? 0) - (b.audit.score ?? 0) || b.ref.weight - a.ref.weight);
      for (const { audit } of audits.slice(0, 6))
        failing.push(
          `${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""} [${audit.id}]`,
        );
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? "–";
    rows.push({
      page,
      scores: Object.fromEntries(
        (Object.keys(TARGETS) as CategoryId[]).map((id) => [
          id,
          lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id]!.score! * 100),
        ]),
      ) as Record<CategoryId, number | null>,
      scriptKiB,
      scripts: scripts.length,
      budgetKiB: budgets[page.name],
      failing,
      runs: runs.map((r) =>
        r.categories.performance?.score == null
          ? null
          : Math.round(r.categories.performance.score * 100),
      ),
      metrics: `FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`,
    });
  }

  await cdp.close();

  console.log(
    `\nLighthouse ${DESKTOP ? "desktop" : "mobile (simulated slow 4G, 4× CPU slowdown)"} on ${base}; benchmarkIndex ${benchmarkIndex ?? "?"} (a quiet fast machine scores over 1,500).`,
  );
  console.log(
    "| page | performance (≥ 95) | accessibility (100) | best practices (≥ 95) | first-load JS (budget) | verdict |",
  );
  console.log("|---|---|---|---|---|---|");
  let failures = 0;
  for (const row of rows) {
    const misses: string[] = [];
    for (const id of Object.keys(TARGETS) as CategoryId[]) {
      const score = row.scores[id];
      if (score === null || score < TARGETS[id]) misses.push(id);
    }
    const overBudget = row.budgetKiB === undefined || row.scriptKiB > row.budgetKiB;
    if (overBudget) misses.push("JS budget");
    if (misses.length > 0 && !row.page.reference) failures++;
    const performance =
      RUNS === 1
        ? `${row.scores.performance ?? "–"}`
        : `${row.scores.performance ?? "–"} (runs: ${row.runs.map((r) => r ?? "–").join(", ")})`;
    console.log(
      `| ${row.page.name} ${row.page.path} | ${performance} | ${row.scores.accessibility ?? "–"} | ${row.scores["best-practices"] ?? "–"} | ${row.scriptKiB.toFixed(0)} KiB in ${row.scripts} files (${row.budgetKiB ?? "no budget"} KiB): ${overBudget ? "FAIL" : "PASS"} | ${row.page.reference ? "reference: " : ""}${misses.length === 0 ? "PASS" : `FAIL (${misses.join(", ")})`} |`,
    );
  }
  for (const row of rows) {
    console.log(`\n${row.page.name}: ${row.metrics}`);
    if (row.failing.length === 0) console.log("  no failing audit");
    for (const line of row.failing) console.log(`  - ${line}`);
  }
  console.log(
    failures === 0
      ? "\nverdict: PASS, every page met its targets"
      : `\nverdict: FAIL, ${failures} of ${rows.filter((r) => !r.page.reference).length} pages missed a target`,
  );
  if (rows.some((r) => r.page.reference))
    console.log(
      "floor and layout are references, not targets: a page with nothing in it, outside and inside the shared layout.",
    );
  console.log(`reports: ${REPORTS}/<page>.json`);
  console.log(`load average at end (1, 5, 15 min): ${load()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (instance) console.error(instance.output().slice(-3000));
  process.exitCode = 1;
} finally {
  chrome?.kill();
  await instance?.stop();
  await database?.stop();
}

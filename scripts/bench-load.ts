// npm run bench:load: the production build under load, page by page, side by
// side with a static file. Seeds a large data set in its own PostgreSQL
// (scripts/lib/bench-seed.ts: 50,000 organisations, 200 opportunities, 20,000
// expressions of interest, 1,000 signed-in accounts, the match scores of a full
// rebuild), starts `npm start` on it and runs autocannon at 20 connections
// against each target, after checking that every target answers 200 with the
// page it should (so that redirects and error pages are never measured as speed).
//
//   npm run bench:load                         build, seed afresh, measure
//   npm run bench:load -- --no-build --reuse   reuse .next and .data/bench-load
//   options: --duration=10 --warmup=3 --connections=20 --port=3270 --only=queue,api
//
// Targets (docs/performance.md): every dynamic page p95 ≤ 100 ms and ≥ 50 % of the
// static file's throughput, zero errors. Exits 0 whatever the verdict: it is a benchmark.
// Two floors are measured like pages but are references, not targets
// (lib/performance/bench-floor.ts): a page with nothing in it, outside and
// inside the shared layout: what no page of the app can beat.

import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { AppInstance } from "@/e2e/support/app-instance";
import { INSTANCE_SECRET } from "@/e2e/support/app-instance";
import { BENCH_FLOOR_PATH, BENCH_FLOOR_TEXT } from "@/lib/performance/bench-floor";
import { percentile } from "./lib/bench-data";
import { BENCH_DIR, loadFixtures, openBenchDatabase } from "./lib/bench-seed";
import {
  ensureBuild,
  parseArgs,
  postgresPid,
  startBenchServer,
  treeCpuMs,
} from "./lib/bench-server";

// autocannon ships no types: the part of its API used here.
type AutocannonClient = {
  setRequests(
    requests: Array<{ method: string; path: string; headers: Record<string, string> }>,
  ): void;
};
type AutocannonResult = { non2xx: number; errors: number; timeouts: number; mismatches?: number };
type AutocannonRun = Promise<AutocannonResult> & {
  on(
    event: "response",
    listener: (client: unknown, status: number, bytes: number, responseTime: number) => void,
  ): void;
};
const autocannon = createRequire(import.meta.url)("autocannon") as (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  setupClient(client: AutocannonClient): void;
  verifyBody(body: string): boolean;
}) => AutocannonRun;

const args = parseArgs(process.argv.slice(2), { port: 3270 });
const DURATION = Number(args.values.get("duration") ?? 10);
const WARMUP = Number(args.values.get("warmup") ?? 3);
const CONNECTIONS = Number(args.values.get("connections") ?? 20);
const ONLY = args.values.get("only")?.split(",") ?? null;
const SEQUENTIAL = 20;

const TARGET_P95_MS = 100;
const TARGET_RATIO = 0.5;

type Variant = { path: string; headers: Record<string, string>; marker: string };
type Target = {
  name: string;
  label: string;
  /** The ceiling every dynamic page is compared with. */
  static?: boolean;
  /** A floor page (lib/performance/bench-floor.ts): measured like a page, not one of the targets. */
  reference?: boolean;
  /** One per connection, taken in turn (different accounts, different rows). */
  variants: Variant[];
  /** Checked in every answer during the run too (a 200 error page is an error). */
  common: string;
};

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
console.log(`load average at start (1, 5, 15 min): ${load()}; ${os.cpus().length} CPUs`);

await ensureBuild(args.build);
const database = await openBenchDatabase({ reuse: args.reuse });
let instance: AppInstance | null = null;
try {
  const fixtures = await loadFixtures(database.db, INSTANCE_SECRET);
  const slug = fixtures.themeSlug;
  const partners = fixtures.partners.filter((p) => p.interestId);
  const officials = fixtures.officials;
  if (partners.length === 0 || officials.length === 0 || fixtures.apiTokens.length === 0)
    throw new Error("the data set has no partners, officials or API tokens: seed again");

  const cookie = (c: string) => ({ cookie: c });
  const targets: Target[] = [
    {
      name: "static",
      label: "static file /examples/organisations-example.csv (public/, through proxy.ts)",
      static: true,
      variants: [{ path: "/examples/organisations-example.csv", headers: {}, marker: "name" }],
      common: "name",
    },
    {
      name: "floor",
      label: `framework floor ${BENCH_FLOOR_PATH} (reference: a heading and a paragraph, no layout, no database)`,
      reference: true,
      variants: [{ path: BENCH_FLOOR_PATH, headers: {}, marker: BENCH_FLOOR_TEXT.heading }],
      common: BENCH_FLOOR_TEXT.heading,
    },
    {
      name: "layout",
      label: `layout floor /en${BENCH_FLOOR_PATH} (reference: the same inside the shared layout)`,
      reference: true,
      variants: [{ path: `/en${BENCH_FLOOR_PATH}`, headers: {}, marker: BENCH_FLOOR_TEXT.heading }],
      common: 'id="main"',
    },
    {
      name: "home",
      label: "home page /en",
      variants: [{ path: "/en", headers: {}, marker: 'id="themes-title"' }],
      common: 'id="themes-title"',
    },
    {
      name: "theme",
      label: `theme page /en/themes/${slug}`,
      variants: [{ path: `/en/themes/${slug}`, headers: {}, marker: 'id="opportunities-title"' }],
      common: 'id="opportunities-title"',
    },
    {
      name: "matches",
      label: `suggested matches /en/matches (${partners.length} partners in turn)`,
      variants: partners.map((p) => ({
        path: "/en/matches",
        headers: cookie(p.cookie),
        marker: escapeHtml(p.organisationName),
      })),
      common: 'id="opportunities-title"',
    },
    {
      name: "queue",
      label: "officials' queue /zh/official/interests?status=SUBMITTED&sort=score&dir=desc",
      variants: officials.map((o) => ({
        path: "/zh/official/interests?status=SUBMITTED&sort=score&dir=desc",
        headers: cookie(o.cookie),
        marker: "/api/official/interests/export?",
      })),
      common: "/api/official/interests/export?",
    },
    {
      name: "detail",
      label: `expression detail /zh/official/interests/<id> (${officials.length} expressions)`,
      variants: officials.map((o) => ({
        path: `/zh/official/interests/${o.interestId}`,
        headers: cookie(o.cookie),
        marker: escapeHtml(o.organisationName),
      })),
      common: 'id="history-title"',
    },
    {
      name: "api",
      label: `matches API /api/v1/themes/${slug}/matches?limit=50 (${fixtures.apiTokens.length} tokens)`,
      variants: fixtures.apiTokens.map((token) => ({
        path: `/api/v1/themes/${slug}/matches?limit=50`,
        headers: { authorization: `Bearer ${token}` },
        marker: '"total"',
      })),
      common: '"total"',
    },
  ].filter((t) => !ONLY || t.static || ONLY.includes(t.name));

  instance = await startBenchServer(database.url, args.port);
  const base = instance.url;

  // Every variant of every target must answer 200 with its marker, without redirect.
  console.log("\nchecking that each target answers with its page…");
  for (const target of targets) {
    for (const variant of target.variants.slice(0, CONNECTIONS)) {
      const response = await fetch(base + variant.path, {
        headers: variant.headers,
        redirect: "manual",
      });
      const body = await response.text();
      if (
        response.status !== 200 ||
        !body.includes(variant.marker) ||
        !body.includes(target.common)
      )
        throw new Error(
          `${target.name}: ${variant.path} answered ${response.status} ${response.headers.get("location") ?? ""} without "${variant.marker}":\n${body.slice(0, 500)}`,
        );
    }
    console.log(
      `  ${target.name}: 200 with its marker (${Math.min(CONNECTIONS, target.variants.length)} variants)`,
    );
  }

  const serverPid = instance.process.pid!;
  const pgPid = postgresPid(path.join(BENCH_DIR, "pg"));

  type Result = {
    target: Target;
    rps: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
    requests: number;
    serverCpuMs: number;
    postgresCpuMs: number;
    sequentialP50: number;
  };
  const results: Result[] = [];

  for (const target of targets) {
    // Service time and CPU cost alone: one request at a time, so that the
    // CPU the server and PostgreSQL spend meanwhile is this page's.
    const one = async (i: number) => {
      const variant = target.variants[i % target.variants.length]!;
      const t = performance.now();
      const response = await fetch(base + variant.path, { headers: variant.headers });
      await response.arrayBuffer();
      return performance.now() - t;
    };
    for (let i = 0; i < 3; i++) await one(i);
    const sequential: number[] = [];
    const serverBefore = treeCpuMs(serverPid);
    const pgBefore = pgPid ? treeCpuMs(pgPid) : 0;
    for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await one(i));
    const serverCpuMs = (treeCpuMs(serverPid) - serverBefore) / SEQUENTIAL;
    const postgresCpuMs = pgPid ? (treeCpuMs(pgPid) - pgBefore) / SEQUENTIAL : Number.NaN;

    await run(target, WARMUP);
    const measured = await run(target, DURATION);
    const requests = measured.latencies.length;
    results.push({
      target,
      rps: requests / DURATION,
      p50: percentile(measured.latencies, 50),
      p95: percentile(measured.latencies, 95),
      p99: percentile(measured.latencies, 99),
      errors: measured.errors,
      requests,
      serverCpuMs,
      postgresCpuMs,
      sequentialP50: percentile(sequential, 50),
    });
    const r = results.at(-1)!;
    console.log(
      `  ${target.name}: ${r.rps.toFixed(1)} req/s, p95 ${r.p95.toFixed(0)} ms, ${r.errors} errors`,
    );
  }

  const ceiling = results.find((r) => r.target.static);
  const f0 = (n: number) => (Number.isNaN(n) ? "–" : n.toFixed(0));
  const f1 = (n: number) => (Number.isNaN(n) ? "–" : n.toFixed(1));
  console.log(
    `\n${CONNECTIONS} connections, ${DURATION} s per target after ${WARMUP} s of warm-up; latencies in ms.`,
  );
  console.log(
    "| target | req/s | p50 | p95 | p99 | errors | vs static | alone: p50 | alone: server CPU ms/req | alone: PostgreSQL CPU ms/req | verdict |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  let failures = 0;
  for (const r of results) {
    const ratio = ceiling ? r.rps / ceiling.rps : Number.NaN;
    const misses: string[] = [];
    if (r.errors > 0) misses.push("errors");
    if (!r.target.static) {
      if (!(r.p95 <= TARGET_P95_MS)) misses.push(`p95 > ${TARGET_P95_MS} ms`);
      if (!(ratio >= TARGET_RATIO)) misses.push(`< ${TARGET_RATIO * 100} % of static`);
    }
    if (misses.length > 0 && !r.target.reference) failures++;
    console.log(
      `| ${r.target.label} | ${f1(r.rps)} | ${f0(r.p50)} | ${f0(r.p95)} | ${f0(r.p99)} | ${r.errors} | ${r.target.static ? "100 %" : `${f0(ratio * 100)} %`} | ${f0(r.sequentialP50)} | ${f1(r.serverCpuMs)} | ${f1(r.postgresCpuMs)} | ${r.target.reference ? "reference: " : ""}${misses.length === 0 ? "PASS" : `FAIL (${misses.join(", ")})`} |`,
    );
  }
  console.log(
    `\ntargets: every dynamic page p95 ≤ ${TARGET_P95_MS} ms, ≥ ${TARGET_RATIO * 100} % of the static file's requests/s, zero errors (non-2xx, socket errors, timeouts, wrong page).`,
  );
  console.log(
    failures === 0
      ? "verdict: PASS, every target met"
      : `verdict: FAIL, ${failures} of ${results.filter((r) => !r.target.reference).length} targets missed`,
  );
  console.log(
    "the two floors are references, not targets: the framework floor is what Next and React cost for a page with nothing in it, the layout floor adds the shared layout. No page of the app can serve faster than the layout floor.",
  );
  console.log(
    `'alone': ${SEQUENTIAL} requests one at a time: p50 latency without queueing, and the CPU time per request of the server's process tree and of PostgreSQL (from /proc). A page can serve at most about 1000 / (server CPU ms) requests a second per core; the load generator shares the machine.`,
  );
  console.log(`load average at end (1, 5, 15 min): ${load()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (instance) console.error(instance.output().slice(-3000));
  process.exitCode = 1;
} finally {
  await instance?.stop();
  await database.stop();
}

/** One autocannon run: each connection takes the next variant; every answer's latency. */
async function run(target: Target, seconds: number) {
  const latencies: number[] = [];
  let next = 0;
  const instanceRun = autocannon({
    url: instance!.url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    setupClient(client) {
      const variant = target.variants[next++ % target.variants.length]!;
      client.setRequests([{ method: "GET", path: variant.path, headers: variant.headers }]);
    },
    verifyBody: (body: string) => body.includes(target.common),
  });
  instanceRun.on("response", (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await instanceRun;
  return {
    latencies,
    // autocannon's `errors` include its timeouts.
    errors: result.non2xx + result.errors + (result.mismatches ?? 0),
  };
}

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

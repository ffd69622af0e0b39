// The query plans of the hot pages at scale: runs the app's own loaders
// against the bench-load data set (50,000 organisations, 20,000 expressions
// of interest; scripts/lib/bench-seed.ts), records every statement they send
// (lib/testing/query-count.ts) and replays each one under
// EXPLAIN (ANALYZE, BUFFERS), three times. Prints a summary per statement
// (the fastest run's time, buffers, plan shape, indexes, and any sequential
// scan or sort of many rows) and writes the full plans to
// .data/bench-load/plans.md. docs/performance.md ("Query
// plans at scale") is written from its output.
//
//   npx tsx scripts/explain-hot-queries.ts --reuse     the data set of npm run bench:load
//   (without --reuse the data set is generated afresh: about 15 minutes)
import { writeFile } from "node:fs/promises";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createCountingClient, type Statement } from "@/lib/testing/query-count";
import { BENCH_DIR, openBenchDatabase } from "./lib/bench-seed";
import { parseArgs } from "./lib/bench-server";

// The loaders import "server-only", which refuses to load outside React
// Server Components: here it is an empty module, as in the tests.
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const args = parseArgs(process.argv.slice(2), { port: 0 });
const database = await openBenchDatabase({ reuse: args.reuse });
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "explain-hot-queries-secret-0123456789abcdef";

const { loadSession } = await import("@/lib/auth/sessions");
const { countUnreadNotifications } = await import("@/lib/notifications/queries");
const { getCityProfile } = await import("@/lib/cities/queries");
const { loadThemePage } = await import("@/lib/themes/queries");
const { loadSuggestionsPage } = await import("@/lib/matching/queries");
const { findOpportunityTarget, findThemeTarget, listApiMatches } = await import(
  "@/lib/api/queries"
);
const { getCoverage, listRankedOrganisations, listRankedCountries } = await import(
  "@/lib/matching/official-queries"
);
const { parseRankedFilter } = await import("@/lib/matching/official-schema");
const { listReviewQueue, getReviewFilterOptions, loadReviewInterestPage } = await import(
  "@/lib/interests/review-queries"
);
const { getReviewDashboard } = await import("@/lib/interests/dashboard-queries");
const { parseReviewState, reviewFilterOf } = await import("@/lib/interests/review-schema");

type Group = { name: string; run: () => Promise<unknown> };

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Actual Total Time"?: number;
  "Rows Removed by Filter"?: number;
  "Sort Key"?: string[];
  "Sort Method"?: string;
  "Sort Space Used"?: number;
  "Join Type"?: string;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

const counter = createCountingClient(database.url);
const uninstall = counter.install();
const explainer = new pg.Client({ connectionString: database.url });
await explainer.connect();
const full: string[] = [];
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
full.push(`# Query plans at scale (${new Date().toISOString()}, load average ${load()})\n`);

try {
  const db = counter.db;
  // Who and what: the partner with the most suggestions, an official, the
  // theme and the opportunity with the most stored scores, an expression with a note.
  const [partnerRow] = await db.$queryRaw<
    Array<{ userId: string; organisationId: string; sessionId: string }>
  >`
    SELECT u.id AS "userId", u."organisationId", s.id AS "sessionId"
    FROM "User" u JOIN "Session" s ON s."userId" = u.id
    JOIN "MatchScore" m ON m."organisationId" = u."organisationId" AND m."targetKind" = 'OPPORTUNITY'
    WHERE u.role = 'PARTNER'
    GROUP BY u.id, s.id ORDER BY count(*) DESC, u.id LIMIT 1`;
  const [officialRow] = await db.$queryRaw<Array<{ userId: string; sessionId: string }>>`
    SELECT u.id AS "userId", s.id AS "sessionId" FROM "User" u JOIN "Session" s ON s."userId" = u.id
    WHERE u.role = 'OFFICIAL' ORDER BY u.email LIMIT 1`;
  const [top] = await db.$queryRaw<Array<{ themeSlug: string; opportunityId: string }>>`
    SELECT (SELECT t.slug FROM "Theme" t JOIN "MatchScore" m ON m."targetKind" = 'THEME' AND m."targetId" = t.id
            GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1) AS "themeSlug",
           (SELECT m."targetId" FROM "MatchScore" m WHERE m."targetKind" = 'OPPORTUNITY'
            GROUP BY m."targetId" ORDER BY count(*) DESC LIMIT 1) AS "opportunityId"`;
  const [interestRow] = await db.$queryRaw<Array<{ id: string }>>`
    SELECT e.id FROM "ExpressionOfInterest" e JOIN "InterestNote" n ON n."interestId" = e.id
    WHERE e.status = 'IN_REVIEW' ORDER BY e."createdAt" DESC LIMIT 1`;
  if (!partnerRow || !officialRow || !top || !interestRow)
    throw new Error("the data set is incomplete: seed it again");
  const partner = {
    userId: partnerRow.userId,
    sessionId: partnerRow.sessionId,
    role: "PARTNER" as const,
    organisationId: partnerRow.organisationId,
    email: "",
    name: "",
    locale: "en",
  };
  const official = { userId: officialRow.userId, role: "OFFICIAL" as const };
  const themeTarget = (await findThemeTarget(top.themeSlug))!;
  const opportunityTarget = (await findOpportunityTarget(top.opportunityId))!;
  const queue = (query: string) => parseReviewState(new URLSearchParams(query));

  const groups: Group[] = [
    {
      name: "gate: the session behind the cookie, the bell's unread count (every signed-in page)",
      run: () =>
        Promise.all([loadSession(partner.sessionId, 0), countUnreadNotifications(partner.userId)]),
    },
    { name: "home page: the city profile", run: () => getCityProfile() },
    {
      name: `theme page /themes/${top.themeSlug} (a partner)`,
      run: () => loadThemePage(top.themeSlug, partner),
    },
    {
      name: `theme top-50 (API /api/v1/themes/${top.themeSlug}/matches?limit=50)`,
      run: () => listApiMatches(themeTarget, { limit: 50, offset: 0 }),
    },
    {
      name: "opportunity top-50 (API /api/v1/opportunities/<id>/matches?limit=50)",
      run: () => listApiMatches(opportunityTarget, { limit: 50, offset: 0 }),
    },
    {
      name: `officials' ranked list of the theme, filtered (country DE, universities)`,
      run: () =>
        Promise.all([
          listRankedOrganisations(
            themeTarget,
            parseRankedFilter({ country: "DE", type: "UNIVERSITY" }),
          ),
          listRankedCountries(themeTarget),
        ]),
    },
    {
      name: "partner's suggested matches, no filter",
      run: () => loadSuggestionsPage(partner, {}, "en"),
    },
    {
      name: "partner's suggested matches, filtered (theme, cooperation type, deadline in 90 days, search, by deadline)",
      run: () =>
        loadSuggestionsPage(
          partner,
          {
            theme: top.themeSlug,
            coop: "JOINT_RD",
            deadline: "90",
            q: "partner",
            sort: "deadline",
          },
          "en",
        ),
    },
    {
      name: "officials' queue: submitted, best score first",
      run: () =>
        Promise.all([
          listReviewQueue(official, queue("status=SUBMITTED&sort=score&dir=desc")),
          getReviewFilterOptions(official),
        ]),
    },
    {
      name: "officials' queue: open, one theme, country DE, longest wait first",
      run: () =>
        listReviewQueue(
          official,
          queue(`status=open&theme=${top.themeSlug}&country=DE&sort=waited`),
        ),
    },
    {
      name: "officials' queue: full-text search 'pilot laboratories', newest first",
      run: () => listReviewQueue(official, queue("q=pilot+laboratories")),
    },
    {
      name: "officials' queue: Chinese search (substring), page 3",
      run: () => listReviewQueue(official, queue("q=%E5%90%88%E4%BD%9C&page=3")),
    },
    {
      name: "expression detail (official)",
      run: () => loadReviewInterestPage(official, interestRow.id),
    },
    { name: "coverage view /official", run: () => getCoverage() },
    {
      name: "dashboard aggregates, unfiltered (all 20,000 expressions)",
      run: () => getReviewDashboard(official, reviewFilterOf(queue(""))),
    },
  ];

  for (const group of groups) {
    await group.run(); // warm: caches, plans
    const { sent } = await counter.count(group.run);
    console.log(`\n## ${group.name}: ${sent.length} statements`);
    full.push(`\n## ${group.name}\n`);
    for (const [i, statement] of sent.entries()) {
      const { json, text } = await explain(statement);
      const plan = json.Plan;
      const flags = warnings(plan);
      const buffers = `${plan["Shared Hit Blocks"] ?? 0} hit, ${plan["Shared Read Blocks"] ?? 0} read`;
      console.log(
        `  [${i + 1}] ${json["Execution Time"].toFixed(2)} ms (planning ${json["Planning Time"].toFixed(2)}; buffers ${buffers}): ${label(statement.text)}`,
      );
      console.log(`      ${shape(plan)}`);
      for (const flag of flags) console.log(`      ! ${flag}`);
      full.push(
        `### [${i + 1}] ${label(statement.text)}\n\n\`\`\`sql\n${statement.text.trim()}\n\`\`\`\n\nparameters: ${JSON.stringify(statement.values).slice(0, 400)}\n\n\`\`\`\n${text}\n\`\`\`\n`,
      );
    }
  }
  const file = path.join(BENCH_DIR, "plans.md");
  await writeFile(file, full.join("\n"));
  console.log(`\nfull plans: ${file}; load average ${load()}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  uninstall();
  await explainer.end();
  await counter.end();
  await database.stop();
}

type Explained = { Plan: PlanNode; "Execution Time": number; "Planning Time": number };

/** The plan with the fastest of three runs (the machine is shared: the least disturbed one). */
async function explain(statement: Statement) {
  let best: Explained | null = null;
  for (let run = 0; run < 3; run++) {
    const json = await explainer.query({
      text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
      values: statement.values,
    });
    const explained = json.rows[0]["QUERY PLAN"][0] as Explained;
    if (!best || explained["Execution Time"] < best["Execution Time"]) best = explained;
  }
  const text = await explainer.query({
    text: `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
    values: statement.values,
  });
  return { json: best!, text: text.rows.map((r) => r["QUERY PLAN"]).join("\n") };
}

/** The statement in a few words: its main table and what it does. */
function label(sql: string) {
  const from = /FROM\s+"(?:public"\.")?(\w+)"/i.exec(sql)?.[1] ?? "?";
  const kind = /^\s*SELECT\s+(count\(\*\)|COUNT\(\*\))/i.test(sql)
    ? "count"
    : /GROUP BY/i.test(sql)
      ? "grouped"
      : "rows";
  return `${kind} from ${from}`;
}

/** The plan tree on one line: node (relation, index, rows × loops). */
function shape(node: PlanNode): string {
  const parts = [
    node["Join Type"] ? `${node["Join Type"]} ${node["Node Type"]}` : node["Node Type"],
  ];
  if (node["Relation Name"]) parts.push(`on ${node["Relation Name"]}`);
  if (node["Index Name"]) parts.push(`using ${node["Index Name"]}`);
  const rows = `${node["Actual Rows"] ?? 0}${(node["Actual Loops"] ?? 1) > 1 ? `×${node["Actual Loops"]}` : ""}`;
  const self = `${parts.join(" ")} (${rows})`;
  const children = (node.Plans ?? []).map(shape);
  return children.length ? `${self} ← [${children.join("; ")}]` : self;
}

/** Sequential scans and sorts of many rows, and filters that throw most rows away. */
function warnings(node: PlanNode): string[] {
  const out: string[] = [];
  const rows = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
  const removed = (node["Rows Removed by Filter"] ?? 0) * (node["Actual Loops"] ?? 1);
  if (node["Node Type"] === "Seq Scan" && rows + removed > 1000)
    out.push(
      `sequential scan of ${node["Relation Name"]}: ${rows + removed} rows read, ${rows} kept`,
    );
  if (node["Node Type"] === "Sort" && rows > 1000)
    out.push(
      `sort of ${rows} rows (${node["Sort Method"]}, ${node["Sort Space Used"]} kB) by ${node["Sort Key"]?.join(", ")}`,
    );
  if (node["Node Type"] !== "Seq Scan" && removed > 5000)
    out.push(
      `${node["Node Type"]}${node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""} filtered away ${removed} rows`,
    );
  for (const child of node.Plans ?? []) out.push(...warnings(child));
  return out;
}

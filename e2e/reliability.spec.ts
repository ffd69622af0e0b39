// Reliability of a production instance (docs/operations.md): PostgreSQL
// stopped in the middle of requests, and a graceful shutdown on SIGTERM.
// One database and one instance of the built app (e2e/support/app-instance.ts),
// driven over HTTP with no test-only routes. Requests are held inside the
// database by a lock that a test connection takes in an open transaction.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { type Database, startEmbedded } from "@/scripts/lib/database";
import { type AppInstance, startAppInstance } from "./support/app-instance";

// One database and instance for the file, the tests in order; a failed test
// does not skip the next (it gets a fresh worker, database and instance).
test.describe.configure({ mode: "default", timeout: 180_000 });

const TEST_APP_NAME = "reliability-test";

/** What the app shows when the database is down, in each language. */
const unavailableTitle = (locale: "en" | "zh"): string =>
  JSON.parse(readFileSync(`lib/i18n/messages/${locale}/common.json`, "utf8")).error
    .unavailableTitle;

let dir: string;
let port: number;
let database: Database;
let instance: AppInstance | undefined;
let token: string;

/** A connection of the test's own, named so that it is not counted as the app's. */
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.url, application_name: TEST_APP_NAME });
  client.on("error", () => {}); // expected when the server stops under it
  await client.connect();
  return client;
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
  const client = await connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Holds ACCESS EXCLUSIVE locks on the tables in an open transaction until `release()`. */
async function lockTables(...tables: string[]) {
  const client = await connect();
  await client.query("BEGIN");
  for (const table of tables) await client.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
  return {
    async release() {
      await client.query("COMMIT").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

/** Waits until the app has a statement on `table` waiting for a lock. */
async function waitForBlocked(table: string, count = 1) {
  await expect
    .poll(
      async () =>
        Number(
          (
            await query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_stat_activity
               WHERE application_name = 'bridgehead-app' AND wait_event_type = 'Lock'
                 AND query LIKE '%' || $1 || '%'`,
              [`"${table}"`],
            )
          )[0]?.n,
        ),
      { timeout: 30_000, message: `a request waiting on ${table}` },
    )
    .toBeGreaterThanOrEqual(count);
}

async function appConnections(): Promise<Record<string, number>> {
  const rows = await query<{ name: string; n: string }>(
    `SELECT application_name AS name, count(*) AS n FROM pg_stat_activity
     WHERE backend_type = 'client backend' AND application_name <> $1 AND pid <> pg_backend_pid()
     GROUP BY application_name`,
    [TEST_APP_NAME],
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

function csv(refs: string[]) {
  const description = "Applied research on dairy fermentation and probiotic strains for cheese.";
  return `externalRef,name,type,country,description,keywords\n${refs
    .map((ref, i) => `${ref},Reliability Institute ${ref} ${i},university,DE,${description},dairy`)
    .join("\n")}\n`;
}

function importRequest(body: string) {
  return fetch(`${instance?.url}/api/v1/organisations/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body,
  });
}

function apiGet(pathname: string) {
  return fetch(`${instance?.url}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
}

/** The heading of the page shown in the browser. */
function heading(page: Page) {
  return page.getByRole("heading", { level: 1 });
}

test.beforeAll(async () => {
  const testInfo = test.info();
  testInfo.setTimeout(180_000);
  dir = mkdtempSync(path.join(os.tmpdir(), "bridgehead-reliability-"));
  database = await startEmbedded(dir);
  port = Number(new URL(database.url).port);
  instance = await startAppInstance({ databaseUrl: database.url });
  // An official with an API token, made the way the app stores them.
  const userId = `rel-${Date.now()}`;
  await query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ($1, $2, 'Reliability Official', 'OFFICIAL', now())`,
    [userId, `${userId}@reliability.example`],
  );
  // lib/api/tokens.ts's format: "bh_" and 32 random bytes; the SHA-256 is stored.
  token = `bh_${randomBytes(32).toString("base64url")}`;
  await query(
    `INSERT INTO "ApiToken" (id, "userId", name, prefix, "tokenHash") VALUES ($1, $2, 'reliability', $3, $4)`,
    [`tok-${userId}`, userId, token.slice(0, 11), createHash("sha256").update(token).digest("hex")],
  );
  // The first request of each route loads its code, which takes seconds on a
  // busy machine: do that now, so that the timings below are the database's.
  for (const pathname of ["/en", "/zh", "/api/ready", "/api/v1/themes"])
    expect((await apiGet(pathname)).status, pathname).toBe(200);
  expect((await importRequest("")).status).toBe(400);
});

test.afterAll(async () => {
  await instance?.stop("SIGKILL", 5_000).catch(() => {});
  await database?.stop().catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("PostgreSQL stopped mid-request: 503 in bounded time, nothing half-written, recovery without restart", async ({
  page,
}) => {
  const app = instance as AppInstance;
  const refs = [`REL-${Date.now()}-A`, `REL-${Date.now()}-B`];
  const countRows = async () =>
    (
      await query<{ organisations: string; audit: string; themes: string }>(
        `SELECT (SELECT count(*) FROM "Organisation") AS organisations,
                (SELECT count(*) FROM "AuditLog") AS audit,
                (SELECT count(*) FROM "OrganisationTheme") AS themes`,
      )
    )[0];
  const before = await countRows();

  // Three requests held inside the database: a page (the home page reads the
  // city), an API read, and an import whose transaction has inserted the
  // organisations and waits to write its audit row.
  const lock = await lockTables("City", "Theme", "AuditLog");
  // "commit": the answer's status and first bytes, not the browser's loading of scripts.
  const pageResponse = page.goto(`${app.url}/en`, { timeout: 60_000, waitUntil: "commit" });
  const apiResponse = apiGet("/api/v1/themes");
  const importResponse = importRequest(csv(refs));
  await waitForBlocked("City");
  await waitForBlocked("Theme");
  await waitForBlocked("AuditLog");

  const stoppedAt = Date.now();
  await database.stop(); // SIGINT to the postmaster: PostgreSQL's "fast" shutdown
  void lock.release();

  const api = await apiResponse;
  const apiMs = Date.now() - stoppedAt;
  expect.soft(api.status, "API read").toBe(503);
  expect.soft(await api.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
  const imported = await importResponse;
  const importMs = Date.now() - stoppedAt;
  expect.soft(imported.status, "import").toBe(503);
  expect.soft(await imported.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
  const shown = await pageResponse;
  const pageMs = Date.now() - stoppedAt;
  // A page already rendering when the database went away: Next's error boundary
  // answers 500 (a server component cannot set its status); what the reader sees
  // is the "temporarily unavailable" page below. Later page loads get a 503.
  expect.soft(shown?.status(), "page").toBeGreaterThanOrEqual(500);
  // The page says why once its scripts ran (a busy machine may take a while).
  await expect.soft(heading(page)).toHaveText(unavailableTitle("en"), { timeout: 30_000 });
  // Bounded: the connection timeout is 5 s; a stopped server answers at once.
  for (const [what, ms] of [
    ["API", apiMs],
    ["import", importMs],
    ["page", pageMs],
  ] as const)
    expect.soft(ms, `${what} answered ${ms} ms after the stop`).toBeLessThan(10_000);

  // While the database is down: alive, not ready, and a page in Chinese says so in Chinese.
  const health = await fetch(`${app.url}/api/health`);
  expect.soft(health.status, "/api/health while down").toBe(200);
  const readyStarted = Date.now();
  const ready = await fetch(`${app.url}/api/ready`);
  expect.soft(ready.status, "/api/ready while down").toBe(503);
  expect.soft(Date.now() - readyStarted).toBeLessThan(8_000);
  // The process has seen its connections fail: proxy.ts probes, and answers a
  // page load with 503, Retry-After and a small page in the URL's language.
  const zh = await page.goto(`${app.url}/zh`);
  expect.soft(zh?.status(), "a page while down").toBe(503);
  expect.soft(Number(zh?.headers()["retry-after"]), "Retry-After").toBeGreaterThan(0);
  await expect.soft(heading(page)).toHaveText(unavailableTitle("zh"), { timeout: 30_000 });
  const en = await page.goto(`${app.url}/en`);
  expect.soft(en?.status(), "another page while down").toBe(503);
  await expect.soft(heading(page)).toHaveText(unavailableTitle("en"));

  // PostgreSQL back on the same data and port: the same process recovers.
  database = await startEmbedded(dir, { port });
  await expect
    .poll(async () => (await fetch(`${app.url}/api/ready`)).status, { timeout: 20_000 })
    .toBe(200);
  expect((await page.goto(`${app.url}/en`))?.status()).toBe(200);
  await expect(heading(page)).not.toHaveText(unavailableTitle("en"));
  expect((await apiGet("/api/v1/themes")).status).toBe(200);

  // Nothing of the interrupted import was written: it was one transaction.
  expect(await countRows()).toEqual(before);
  expect(
    await query(`SELECT id FROM "Organisation" WHERE "externalRef" = ANY($1)`, [refs]),
  ).toHaveLength(0);
  // The same import again goes through, once.
  const again = await importRequest(csv(refs));
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ created: 2, updated: 0 });
  expect(
    await query(`SELECT id FROM "Organisation" WHERE "externalRef" = ANY($1)`, [refs]),
  ).toHaveLength(2);
  expect(app.process.exitCode, "the app was not restarted").toBeNull();
});

test("SIGTERM: no new connections, the request and the job in flight finish, pools closed, exit 0", async () => {
  const app = instance as AppInstance;
  const pendingMatchingJobs = async () =>
    (
      await query(
        `SELECT id FROM pgboss.job WHERE name LIKE 'matching.%' AND state IN ('created', 'retry', 'active')`,
      )
    ).length;
  // Two organisations of its own, their first scores computed.
  const refs = [`REL-${Date.now()}-C`, `REL-${Date.now()}-D`];
  const created = await importRequest(csv(refs));
  expect(created.status).toBe(200);
  await expect.poll(pendingMatchingJobs, { timeout: 30_000 }).toBe(0);

  // With "Theme" locked, an import (which reads no theme) goes through and
  // queues a re-scoring job per organisation; the worker takes the first,
  // which waits on the lock (the engine reads the themes' stamp first).
  const lock = await lockTables("Theme");
  let released = false;
  try {
    const update = await importRequest(csv(refs));
    expect(update.status).toBe(200);
    await waitForBlocked("Theme");
    const activeJobs = async () =>
      query<{ id: string; state: string }>(
        `SELECT id, state FROM pgboss.job WHERE name = 'matching.rescore-organisation' AND state = 'active'`,
      );
    await expect.poll(async () => (await activeJobs()).length).toBe(1);
    const [job] = await activeJobs();

    // A request in flight, held on the same lock.
    const inFlight = apiGet("/api/v1/themes");
    await waitForBlocked("Theme", 2);

    const exitCode = app.stop("SIGTERM", 60_000);
    await expect.poll(() => app.output()).toContain("shutdown: draining requests");
    // New connections are refused from now on.
    await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
    await expect(fetch(`${app.url}/en`)).rejects.toThrow();

    await lock.release();
    released = true;
    const response = await inFlight;
    expect(response.status, "the request in flight completes").toBe(200);
    expect((await response.json()).data.length).toBeGreaterThan(0);

    expect(await exitCode, "exit code after a graceful shutdown").toBe(0);
    const output = app.output();
    expect(output).toContain("shutdown: job queue stopped");
    expect(output).toContain("shutdown: database pool closed");
    expect(output).toContain("shutdown: complete");
    expect(output).not.toContain("shutdown: timed out");

    // The job that was running finished; the next one was left for another instance.
    const organisationIds = (
      await query<{ id: string }>(`SELECT id FROM "Organisation" WHERE "externalRef" = ANY($1)`, [
        refs,
      ])
    ).map((r) => r.id);
    const jobs = await query<{ id: string; state: string }>(
      `SELECT id, state FROM pgboss.job
       WHERE name = 'matching.rescore-organisation' AND singleton_key = ANY($1)`,
      [organisationIds],
    );
    expect(jobs.find((j) => j.id === job?.id)?.state).toBe("completed");
    expect(jobs.filter((j) => j.state === "active")).toEqual([]);
    // Every connection of the app was closed.
    expect(await appConnections()).toEqual({});
    instance = undefined;
  } finally {
    if (!released) await lock.release();
  }
});

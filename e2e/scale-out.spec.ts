// Issue #7, part 5: the app runs as several instances. Two production
// instances of the build, on one fresh PostgreSQL, started at the same moment,
// behind nginx as a round-robin load balancer (e2e/support/nginx.ts; the
// config is the example in docs/deploy.md). The tests prove that migrations
// and the seed ran once, that a session made through one instance is honoured
// by the other, that rate limits count across instances, and that queued jobs
// run exactly once although both instances run the workers.
import { writeFileSync } from "node:fs";
import { register } from "node:module";
import path from "node:path";
import {
  type APIRequestContext,
  type Browser,
  expect,
  request as playwrightRequest,
  test,
} from "@playwright/test";
import type { Db } from "@/lib/db/client";
import { unique } from "@/lib/testing/factories";
import { DEMO_ACCOUNTS, HOHHOT_FACTS } from "@/prisma/seed-data/hohhot";
import { OPPORTUNITIES } from "@/prisma/seed-data/opportunities";
import { ORGANISATIONS } from "@/prisma/seed-data/organisations";
import { AREAS, THEMES } from "@/prisma/seed-data/themes";
import { freePort } from "../scripts/lib/database";
import { type AppInstance, startAppInstance, startTestDatabase } from "./support/app-instance";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { type LoadBalancer, startLoadBalancer } from "./support/nginx";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink";

// lib/rate-limit is server code marked with "server-only", which throws outside
// React Server Components; here it is read for its limits only (as in
// scripts/worker.ts, the marker resolves to an empty module).
register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(specifier, context, next) { if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true }; return next(specifier, context); }',
  )}`,
);
const { RATE_LIMITS } = await import("@/lib/rate-limit");
const { listMigrations } = await import("@/lib/db/migrate");
const { createPrismaClient } = await import("@/lib/db/client");

// One set of servers for the whole file: the tests share them, in order.
test.describe.configure({ mode: "serial" });

let database: Awaited<ReturnType<typeof startTestDatabase>> | undefined;
let sink: SmtpSink | undefined;
let balancer: LoadBalancer | undefined;
let instances: AppInstance[] = [];
let db: Db | undefined;

/** The instances' addresses as nginx names them in X-Upstream. */
const upstreamOf = (instance: AppInstance) => `127.0.0.1:${instance.port}`;

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook uses from this pattern
test.beforeAll(async ({}, testInfo) => {
  // Two `next start` processes plus migrations, seed and matching on a slow machine.
  testInfo.setTimeout(300_000);

  database = await startTestDatabase();
  const databaseUrl = database.url;
  sink = await startSmtpSink();
  const [portA, portB, balancerPort] = await distinctFreePorts(3);
  const publicUrl = `http://127.0.0.1:${balancerPort}`;
  const env = {
    // Links in emails and next-auth's redirects use the address users see.
    NEXTAUTH_URL: publicUrl,
    // nginx puts the client's address in X-Real-IP; the apps believe only that header.
    TRUSTED_IP_HEADER: "x-real-ip",
    // The demo accounts, on a database given by DATABASE_URL.
    SEED_DEMO: "true",
    SMTP_URL: sink.url,
    JOBS_WORKER: "on",
    LOG_LEVEL: "info",
  };

  // Both at the same moment, on an empty database: the start-up itself is the
  // migration test. allSettled, so that afterAll stops whichever did start.
  const results = await Promise.allSettled(
    [portA, portB].map((port) => startAppInstance({ databaseUrl, port, env })),
  );
  instances = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;

  balancer = await startLoadBalancer({
    upstreams: instances.map(upstreamOf),
    port: balancerPort,
  });
  db = createPrismaClient(database.url, { max: 2 });
});

// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook uses from this pattern
test.afterAll(async ({}, testInfo) => {
  // Each instance gets up to 40 s to stop gracefully.
  testInfo.setTimeout(120_000);
  // The servers' own logs, for a failure's post-mortem.
  for (const instance of instances)
    writeFileSync(testInfo.outputPath(`instance-${instance.port}.log`), instance.output());
  if (balancer) {
    writeFileSync(testInfo.outputPath("nginx-access.log"), balancer.accessLog());
    writeFileSync(testInfo.outputPath("nginx-error.log"), balancer.errors());
  }
  await balancer?.stop();
  await Promise.all(instances.map((instance) => instance.stop("SIGTERM", 40_000)));
  await db?.$disconnect();
  await sink?.stop();
  await database?.stop();
});

function requireSetup() {
  if (!database || !sink || !balancer || !db || instances.length !== 2)
    throw new Error("the scale-out servers did not start");
  return { database, sink, balancer, db, instances };
}

/** Lines of an instance's output that pino logged with this message. */
function logged(instance: AppInstance, msg: string): Array<Record<string, unknown>> {
  return instance
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes(`"msg":"${msg}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("two instances started together on an empty database migrate and seed it once", async () => {
  const { db, instances } = requireSetup();
  const migrations = (await listMigrations(path.resolve("prisma/migrations"))).map((m) => m.name);
  expect(migrations.length).toBeGreaterThan(0);

  // The bookkeeping: every migration exactly once, all finished.
  const rows = await db.$queryRaw<Array<{ migration_name: string; finished: boolean }>>`
    SELECT migration_name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS finished
    FROM "_prisma_migrations" ORDER BY migration_name`;
  expect(rows.map((r) => r.migration_name)).toEqual(migrations);
  expect(rows.every((r) => r.finished)).toBe(true);

  // Who applied what (scripts/lib/prepare.ts prints "[migrate] applied <name>"
  // for each migration it ran): each migration by exactly one of the two.
  const appliedBy = instances.map((instance) =>
    [...instance.output().matchAll(/^\[migrate\] applied (\S+)$/gm)].map((m) => m[1]),
  );
  expect(appliedBy.flat().sort()).toEqual(migrations);
  // The advisory lock made the other wait, and it then found nothing to do.
  expect(appliedBy.filter((names) => names.length > 0)).toHaveLength(1);
  const waited = instances[appliedBy.findIndex((names) => names.length === 0)];
  expect(waited?.output()).toMatch(/^\[migrate\] database is up to date/m);

  // The seed ran in one of them; the other found the data there.
  const seeded = instances.filter((i) => /^\[seed\] empty database/m.test(i.output()));
  expect(seeded).toHaveLength(1);
  const skipped = instances.filter((i) =>
    /^\[seed\] the database already has data/m.test(i.output()),
  );
  expect(skipped).toHaveLength(1);
  expect(skipped[0]).not.toBe(seeded[0]);

  // No reference or demo row twice.
  expect(await db.city.count()).toBe(1);
  expect(await db.cityFact.count()).toBe(HOHHOT_FACTS.length);
  expect(await db.cooperationArea.count()).toBe(AREAS.length);
  expect(await db.theme.count()).toBe(THEMES.length);
  expect(await db.opportunity.count()).toBe(OPPORTUNITIES.length);
  expect(await db.organisation.count()).toBe(ORGANISATIONS.length);
  expect(await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })).toBe(
    DEMO_ACCOUNTS.length,
  );

  // Both healthy and ready, and both run the job workers.
  for (const instance of instances) {
    // The first request opens the instance's pool: on a busy machine that can
    // outlast the readiness check's own 4 s timeout, so ask until it answers.
    await expect
      .poll(
        async () => {
          const ready = await fetch(`${instance.url}/api/ready`);
          return `${ready.status} ${await ready.text()}`;
        },
        { timeout: 30_000, message: instance.output() },
      )
      .toMatch(/^200 .*"status":"ready"/);
    expect(logged(instance, "job workers started"), instance.output()).toHaveLength(1);
  }
});

test("a session made through one instance is honoured by the other", async ({ browser }) => {
  const { balancer, instances } = requireSetup();
  const context = await (browser as Browser).newContext({ baseURL: balancer.url });
  try {
    const page = await context.newPage();
    // The login page, next-auth's CSRF token and the credentials callback may
    // each be served by a different instance.
    await signIn(page, DEMO.official, DEMO_PASSWORD);
    await page.goto("/en/account");
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await expect(page.getByText(DEMO.official)).toBeVisible();

    // Consecutive requests with the same cookies, alternating between the instances.
    const served: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await context.request.get("/en/account", { maxRedirects: 0 });
      expect(response.status(), "signed in on every instance").toBe(200);
      expect(await response.text()).toContain(DEMO.official);
      served.push(response.headers()["x-upstream"] ?? "");
    }
    expect(new Set(served)).toEqual(new Set(instances.map(upstreamOf)));

    // The check can fail: without the cookies, every instance sends to the login page.
    const anonymous = await playwrightRequest.newContext({ baseURL: balancer.url });
    try {
      for (let i = 0; i < 2; i++) {
        const response = await anonymous.get("/en/account", { maxRedirects: 0 });
        expect(response.status()).toBe(307);
        expect(response.headers().location).toContain("/en/login");
      }
    } finally {
      await anonymous.dispose();
    }
  } finally {
    await context.close();
  }
});

test("the sign-in rate limit counts attempts on both instances together", async () => {
  const { balancer, instances } = requireSetup();
  const rule = RATE_LIMITS.loginPerAccount;
  // The per-IP limit (all requests come from 127.0.0.1) must not trip first.
  expect(RATE_LIMITS.loginPerIp.limit).toBeGreaterThan(rule.limit + 5);

  const client: APIRequestContext = await playwrightRequest.newContext({ baseURL: balancer.url });
  try {
    const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    const email = `${unique("ratelimit")}@test.example`;
    const attempts: Array<{ status: number; upstream: string }> = [];
    for (let i = 0; i <= rule.limit; i++) {
      const response = await client.post("/api/auth/callback/credentials", {
        form: {
          email,
          password: "not the password",
          csrfToken,
          callbackUrl: `${balancer.url}/en`,
          json: "true",
        },
        maxRedirects: 0,
      });
      attempts.push({
        status: response.status(),
        upstream: response.headers()["x-upstream"] ?? "",
      });
    }
    const allowed = attempts.slice(0, rule.limit);
    // The first `limit` wrong passwords are answered as such, by both instances in turn...
    expect(allowed.filter((a) => a.status === 429)).toEqual([]);
    expect(new Set(allowed.map((a) => a.upstream))).toEqual(new Set(instances.map(upstreamOf)));
    // ...and the next one is refused, as it would be on a single instance.
    expect(attempts.at(-1)?.status, JSON.stringify(attempts)).toBe(429);
  } finally {
    await client.dispose();
  }
});

test("queued emails are delivered exactly once although both instances run workers", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { balancer, sink, db, instances } = requireSetup();
  // Password-reset requests are limited per IP: stay within it.
  const count = Math.min(20, RATE_LIMITS.passwordResetPerIp.limit);
  const suffix = unique("scale");
  const emails = Array.from({ length: count }, (_, i) => `${suffix}-${i}@test.example`);
  await db.user.createMany({
    data: emails.map((email) => ({
      email,
      name: "Scale Tester",
      role: "OFFICIAL" as const,
      emailVerifiedAt: new Date(),
    })),
  });

  // Real requests through the load balancer. The first through the form; its
  // server action is then sent again for the other addresses, all at once,
  // so that both instances take requests (and queue jobs) at the same time.
  const context = await (browser as Browser).newContext({ baseURL: balancer.url });
  try {
    const page = await context.newPage();
    await page.goto("/en/forgot-password");
    await page.getByLabel("Email address").fill(emails[0] as string);
    const [action] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      page.getByRole("button", { name: "Send link" }).click(),
    ]);
    await expect(page.getByRole("status")).toContainText("If an account uses this address");

    const replies = await Promise.all(
      emails.slice(1).map(async (email) => {
        const response = await context.request.post(action.url(), {
          headers: {
            "next-action": action.headers()["next-action"] as string,
            "content-type": "text/plain;charset=UTF-8",
            accept: "text/x-component",
            origin: balancer.url,
          },
          data: JSON.stringify([{ email }]),
        });
        return {
          status: response.status(),
          ok: (await response.text()).includes('"ok":true'),
          upstream: response.headers()["x-upstream"] ?? "",
        };
      }),
    );
    expect(replies.filter((r) => r.status !== 200 || !r.ok)).toEqual([]);
    expect(new Set(replies.map((r) => r.upstream))).toEqual(new Set(instances.map(upstreamOf)));
  } finally {
    await context.close();
  }

  const mine = () => sink.messages.filter((m) => m.to.some((to) => to.startsWith(`${suffix}-`)));
  await expect.poll(() => mine().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(count);
  // Longer than two polling intervals of the email worker: a second delivery would show.
  await new Promise((r) => setTimeout(r, 6_000));

  // Exactly one SMTP delivery per request.
  expect(
    mine()
      .flatMap((m) => m.to)
      .sort(),
  ).toEqual([...emails].sort());

  // One outbox row per request, sent in one attempt.
  const messages = await db.emailMessage.findMany({
    where: { to: { in: emails } },
    select: { id: true, status: true, attempts: true, transport: true },
  });
  expect(messages).toHaveLength(count);
  expect(
    messages.every((m) => m.status === "SENT" && m.attempts === 1 && m.transport === "smtp"),
  ).toBe(true);

  // One pg-boss job per message, completed once.
  const ids = messages.map((m) => m.id);
  const jobs = await db.$queryRaw<Array<{ singleton_key: string; state: string }>>`
    SELECT singleton_key, state::text AS state FROM pgboss.job
    WHERE name = 'email.deliver' AND singleton_key = ANY(${ids})`;
  expect(jobs.map((j) => j.singleton_key).sort()).toEqual([...ids].sort());
  expect(jobs.every((j) => j.state === "completed")).toBe(true);

  // And each was handled by one instance: "email delivered" is logged once per message, in all.
  const deliveredBy = instances.map((instance) =>
    logged(instance, "email delivered")
      .map((line) => String(line.messageId))
      .filter((id) => ids.includes(id)),
  );
  expect(deliveredBy.flat().sort()).toEqual([...ids].sort());
  console.log(
    `scale-out: ${count} emails delivered, ${deliveredBy.map((d, i) => `${d.length} by ${upstreamOf(instances[i] as AppInstance)}`).join(", ")}`,
  );
});

// The email pipeline against PostgreSQL and a real pg-boss: queueEmail,
// deliverEmail, the worker's retry handling, the sweeper, and the workers
// end to end. The tests share one pg-boss and run in order, on a database of
// their own: the workers and the sweeper act on every message and job in it,
// and must not touch those of other test files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { parseEnv } from "@/lib/env";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { MAX_EMAIL_ATTEMPTS, QUEUES } from "@/lib/jobs/queues";
import { emailDeliverHandler, startWorkers, stopWorkers } from "@/lib/jobs/worker";
import { createEmptyDatabase, uniqueSuffix } from "@/lib/testing/databases";
import { freePort } from "@/scripts/lib/database";
import { deliverEmail, type EmailTransport, smtpTransport, transportFromEnv } from "./deliver";
import { enqueueDelivery, queueEmail } from "./send";
import { sweepOutbox } from "./sweep";

type JobRow = { id: string; state: string; data: { messageId: string }; retry_count: number };

function jobsFor(messageId: string, queue = "email.deliver") {
  return db.$queryRaw<JobRow[]>`
    SELECT id::text, state::text, data, retry_count FROM pgboss.job
    WHERE name = ${queue} AND singleton_key = ${messageId} ORDER BY created_on`;
}

function address() {
  return `mail-${uniqueSuffix()}@example.org`;
}

async function queuedMessage(overrides: { createdAt?: Date; attempts?: number } = {}) {
  const message = await db.emailMessage.create({
    data: {
      to: address(),
      subject: "Stored subject",
      text: "Stored text https://bridgehead.example/x",
      template: "verify-email",
      locale: "en",
      ...overrides,
    },
  });
  return message.id;
}

/** An SMTP URL where nothing listens: every attempt fails with ECONNREFUSED. */
async function closedSmtpUrl() {
  return `smtp://127.0.0.1:${await freePort()}`;
}

// lib/db and lib/env read DATABASE_URL on first use, which is below.
const database = await createEmptyDatabase();
await migrate(database.url);
process.env.DATABASE_URL = database.url;

beforeAll(async () => {
  await getBoss(); // installs the pgboss schema and the queues
});

afterAll(async () => {
  await stopBoss(1_000);
  await db.$disconnect();
  await database.drop();
});

describe("queueEmail", () => {
  it("stores the rendered message as QUEUED and enqueues one email.deliver job", async () => {
    const to = address();
    const id = await queueEmail({
      to,
      locale: "zh",
      template: "verify-email",
      data: { name: "王芳", url: "https://bridgehead.example/zh/verify-email?token=t1" },
    });
    const message = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(message).toMatchObject({
      to,
      template: "verify-email",
      locale: "zh",
      status: "QUEUED",
      attempts: 0,
      sentAt: null,
      transport: null,
    });
    expect(message.subject).toBe("请确认您的电子邮箱地址");
    expect(message.text).toContain("王芳，您好：");
    expect(message.text).toContain("https://bridgehead.example/zh/verify-email?token=t1");
    expect(message.html).toContain('href="https://bridgehead.example/zh/verify-email?token=t1"');

    const jobs = await jobsFor(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ state: "created", data: { messageId: id } });

    // Enqueueing the same message again while its job waits adds nothing.
    await enqueueDelivery(id);
    expect(await jobsFor(id)).toHaveLength(1);
  });
});

describe("deliverEmail", () => {
  it("delivers to the outbox without SMTP_URL, and a second call is a no-op", async () => {
    const id = await queuedMessage();
    const transport = transportFromEnv(parseEnv({ ...process.env, SMTP_URL: undefined }));
    expect(transport.name).toBe("outbox");

    expect(await deliverEmail(id, { transport })).toBe("sent");
    const sent = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({
      status: "SENT",
      transport: "outbox",
      attempts: 1,
      lastError: null,
    });
    expect(sent.sentAt).toBeInstanceOf(Date);

    let calls = 0;
    const counting: EmailTransport = {
      name: "outbox",
      send: async () => {
        calls++;
      },
    };
    expect(await deliverEmail(id, { transport: counting })).toBe("already-sent");
    expect(calls).toBe(0);
    const again = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(again.attempts).toBe(1);
    expect(again.sentAt).toEqual(sent.sentAt);
  });

  it("records the attempt and the error when SMTP is unreachable, and FAILED on the last try", async () => {
    const id = await queuedMessage();
    const smtpUrl = await closedSmtpUrl();
    const transport = transportFromEnv(parseEnv({ ...process.env, SMTP_URL: smtpUrl }));
    expect(transport.name).toBe("smtp");

    await expect(deliverEmail(id, { transport })).rejects.toThrow(/ECONNREFUSED/);
    const failedOnce = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(failedOnce).toMatchObject({ status: "QUEUED", attempts: 1, sentAt: null });
    expect(failedOnce.lastError).toMatch(/ECONNREFUSED/);
    expect(failedOnce.lastError).not.toMatch(/\n\s+at /); // the message, not the stack

    await expect(deliverEmail(id, { transport, finalAttempt: true })).rejects.toThrow();
    const failed = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2, sentAt: null });
  });

  it("returns 'missing' for an unknown message", async () => {
    expect(
      await deliverEmail("no-such-message", { transport: smtpTransport(await closedSmtpUrl()) }),
    ).toBe("missing");
  });
});

describe("the email.deliver handler", () => {
  it("lets pg-boss retry a failed delivery and marks the message FAILED when retries run out", async () => {
    const boss = await getBoss();
    // A queue of its own, so that no other test's job is fetched; one retry, no delay.
    const queue = `email-deliver-test-${uniqueSuffix()}`;
    await boss.createQueue(queue, {
      ...QUEUES["email.deliver"],
      name: queue,
      retryLimit: 1,
      retryDelay: 0,
      retryBackoff: false,
    });
    const id = await queuedMessage();
    await boss.send(queue, { messageId: id }, { singletonKey: id });

    const transport = smtpTransport(await closedSmtpUrl());
    const handler = emailDeliverHandler(boss, (messageId, options) =>
      deliverEmail(messageId, { ...options, transport }),
    );
    const fetchOne = async () => {
      for (let i = 0; i < 20; i++) {
        const jobs = await boss.fetch<{ messageId: string }>(queue, {
          includeMetadata: true,
          batchSize: 5,
        });
        if (jobs.length) return jobs;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("no job to fetch");
    };

    await handler(await fetchOne());
    expect(await jobsFor(id, queue)).toMatchObject([{ state: "retry", retry_count: 0 }]);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "QUEUED",
      attempts: 1,
    });

    await handler(await fetchOne());
    expect(await jobsFor(id, queue)).toMatchObject([{ state: "failed", retry_count: 1 }]);
    const failed = await db.emailMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
  });

  it("completes the good jobs of a batch even when another one fails", async () => {
    const boss = await getBoss();
    const queue = `email-deliver-test-${uniqueSuffix()}`;
    await boss.createQueue(queue, { ...QUEUES["email.deliver"], name: queue });
    const good = await queuedMessage();
    const bad = await queuedMessage();
    await boss.send(queue, { messageId: good }, { singletonKey: good });
    await boss.send(queue, { messageId: bad }, { singletonKey: bad });
    const jobs = await boss.fetch<{ messageId: string }>(queue, {
      includeMetadata: true,
      batchSize: 5,
    });
    expect(jobs).toHaveLength(2);

    const badTo = (await db.emailMessage.findUniqueOrThrow({ where: { id: bad } })).to;
    const transport: EmailTransport = {
      name: "outbox",
      send: async (email) => {
        if (email.to === badTo) throw new Error("mailbox unavailable");
      },
    };
    await emailDeliverHandler(boss, (messageId, options) =>
      deliverEmail(messageId, { ...options, transport }),
    )(jobs);

    expect(await jobsFor(good, queue)).toMatchObject([{ state: "completed" }]);
    expect(await jobsFor(bad, queue)).toMatchObject([{ state: "retry" }]);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: good } })).status).toBe("SENT");
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: bad } })).toMatchObject({
      status: "QUEUED",
      attempts: 1,
      lastError: "mailbox unavailable",
    });
  });
});

describe("sweepOutbox", () => {
  it("enqueues a QUEUED message older than a minute that has no job, once", async () => {
    const stranded = await queuedMessage({ createdAt: new Date(Date.now() - 2 * 60_000) });
    const fresh = await queuedMessage();
    expect(await jobsFor(stranded)).toHaveLength(0);

    const result = await sweepOutbox();
    expect(result.requeued).toBeGreaterThanOrEqual(1);
    expect(await jobsFor(stranded)).toMatchObject([
      { state: "created", data: { messageId: stranded } },
    ]);
    expect(await jobsFor(fresh)).toHaveLength(0); // younger than a minute: left to its own job

    // A second sweep sees the waiting job and adds none.
    await sweepOutbox();
    expect(await jobsFor(stranded)).toHaveLength(1);
  });

  it("leaves alone a message whose job is waiting to be retried", async () => {
    const boss = await getBoss();
    const retrying = await queuedMessage({ createdAt: new Date(Date.now() - 5 * 60_000) });
    const jobId = await boss.send(
      "email.deliver",
      { messageId: retrying },
      { singletonKey: retrying },
    );
    await boss.fail("email.deliver", jobId as string, { message: "try later" });
    expect(await jobsFor(retrying)).toMatchObject([{ state: "retry" }]);

    expect(await sweepOutbox()).toEqual({ requeued: 0, failed: 0 });
    expect(await jobsFor(retrying)).toHaveLength(1);
  });

  it("gives up on a message that has used all its attempts", async () => {
    const exhausted = await queuedMessage({
      createdAt: new Date(Date.now() - 10 * 60_000),
      attempts: MAX_EMAIL_ATTEMPTS,
    });
    await sweepOutbox();
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: exhausted } })).status).toBe(
      "FAILED",
    );
    expect(await jobsFor(exhausted)).toHaveLength(0);
  });
});

describe("the workers", () => {
  it("deliver a queued email to the outbox within seconds, then stop", async () => {
    delete process.env.SMTP_URL; // (lib/env is parsed once; this file never sets it)
    await startWorkers();
    const id = await queueEmail({
      to: address(),
      locale: "en",
      template: "reset-password",
      data: { name: "Ada", url: "https://bridgehead.example/en/reset-password?token=t2" },
    });
    let status = "QUEUED";
    for (let i = 0; i < 60 && status !== "SENT"; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status;
    }
    expect(status).toBe("SENT");
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      transport: "outbox",
      attempts: 1,
    });
    await stopWorkers(2_000);
  }, 30_000);
});

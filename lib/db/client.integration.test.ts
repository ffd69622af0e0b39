// The app's pool when the database misbehaves (lib/db/client.ts): nothing
// hangs, and a connection the server closed is never handed out again.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { APP_POOL, CONNECTION_TIMEOUT_MS, createPrismaClient, type Db } from "./client";
import { isDatabaseUnavailable } from "./errors";

const url = inject("databaseUrl");
let admin: Db;

beforeAll(() => {
  admin = createPrismaClient(url, { max: 2, applicationName: "client-test-admin" });
});
afterAll(async () => {
  await admin.$disconnect();
});

async function backendPid(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
  return Number(row?.pid);
}

async function terminate(pid: number) {
  await admin.$queryRaw`SELECT pg_terminate_backend(${pid})`;
}

describe("the app's pool", () => {
  it("names its connections and sets the server-side timeouts", async () => {
    const db = createPrismaClient(url, { ...APP_POOL, max: 1 });
    try {
      const [row] = await db.$queryRaw<Array<{ app: string; st: string; idle: string }>>`
        SELECT current_setting('application_name') AS app,
               current_setting('statement_timeout') AS st,
               current_setting('idle_in_transaction_session_timeout') AS idle`;
      expect(row).toEqual({ app: "bridgehead-app", st: "30s", idle: "1min" });
    } finally {
      await db.$disconnect();
    }
  });

  it("drops an idle connection the server closed: the next query opens a new one", async () => {
    const db = createPrismaClient(url, { ...APP_POOL, max: 1 });
    try {
      const before = await backendPid(db);
      await terminate(before);
      await new Promise((r) => setTimeout(r, 300));
      const after = await backendPid(db);
      expect(after).not.toBe(before);
    } finally {
      await db.$disconnect();
    }
  });

  it("drops a connection that died inside a transaction: the transaction fails, the pool goes on", async () => {
    const db = createPrismaClient(url, { ...APP_POOL, max: 1 });
    try {
      let pid = 0;
      const failed = await db
        .$transaction(async (tx) => {
          pid = await backendPid(tx as unknown as Db);
          await terminate(pid);
          await tx.$queryRaw`SELECT 1`;
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failed).not.toBeNull();
      expect(isDatabaseUnavailable(failed)).toBe(true);
      // With a pool of one, a dead connection handed out again would fail this.
      const next = await backendPid(db);
      expect(next).not.toBe(pid);
    } finally {
      await db.$disconnect();
    }
  });

  it("ends a statement stuck on a lock after the statement timeout, and the pool goes on", async () => {
    const db = createPrismaClient(url, { ...APP_POOL, statementTimeoutMs: 500, max: 1 });
    const table = `lock_${Date.now()}`;
    await admin.$executeRawUnsafe(`CREATE TABLE ${table} (id int)`);
    try {
      const failure = await admin.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
        const started = Date.now();
        const error = await db.$queryRawUnsafe(`SELECT * FROM ${table}`).then(
          () => null,
          (e: unknown) => e,
        );
        return { error, ms: Date.now() - started };
      });
      expect(String(failure.error)).toMatch(/statement timeout/);
      expect(failure.ms).toBeLessThan(5_000);
      // (node-postgres's pool discards a connection after any error: a fresh one serves.)
      expect(await backendPid(db)).toBeGreaterThan(0);
    } finally {
      await admin.$executeRawUnsafe(`DROP TABLE ${table}`);
      await db.$disconnect();
    }
  });

  it("gives up on a server that accepts the connection but never answers", async () => {
    // A TCP listener that says nothing: a hung server, or a black-holing firewall.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const db = createPrismaClient(`postgresql://x:y@127.0.0.1:${port}/none`, { ...APP_POOL });
    try {
      const started = Date.now();
      const error = await db.$queryRaw`SELECT 1`.then(
        () => null,
        (e: unknown) => e,
      );
      const ms = Date.now() - started;
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(CONNECTION_TIMEOUT_MS - 500);
      expect(ms).toBeLessThan(CONNECTION_TIMEOUT_MS + 5_000);
    } finally {
      await db.$disconnect().catch(() => {});
      silent.close();
    }
  });
});

// The error shapes are made for real: Prisma and node-postgres pointed at a
// closed port and at a server that accepts connections but never answers.
// (57P01, a terminated backend, needs a server: errors.integration.test.ts.)
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable, isInvalidTextEncoding } from "./errors";

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const prismaAt = (port: number) =>
  new PrismaClient({
    adapter: new PrismaPg({
      connectionString: `postgresql://postgres:x@127.0.0.1:${port}/db`,
      connectionTimeoutMillis: 300,
      max: 1,
    }),
  });

const caught = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

describe("isDatabaseUnavailable, with errors from a closed port", () => {
  let port: number;
  let prisma: PrismaClient;
  beforeAll(async () => {
    port = await closedPort();
    prisma = prismaAt(port);
  });
  afterAll(() => prisma.$disconnect());

  it("recognises Prisma's P1001 from a model query and a transaction", async () => {
    const query = await caught(prisma.user.findFirst());
    expect(query).toMatchObject({ code: "P1001" });
    expect(isDatabaseUnavailable(query)).toBe(true);
    const transaction = await caught(prisma.$transaction((tx) => tx.user.findFirst()));
    expect(isDatabaseUnavailable(transaction)).toBe(true);
    // The first query loads Prisma's engine: seconds on a busy machine.
  }, 30_000);

  it("recognises a raw query's P2010 whose adapter error is DatabaseNotReachable", async () => {
    const error = await caught(prisma.$queryRaw`SELECT 1`);
    expect(error).toMatchObject({ code: "P2010" });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises node-postgres's ECONNREFUSED", async () => {
    const client = new pg.Client({ connectionString: `postgresql://x:y@127.0.0.1:${port}/db` });
    const error = await caught(client.connect());
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});

describe("isDatabaseUnavailable, with a server that never answers", () => {
  const sockets = new Set<net.Socket>();
  const silent = net.createServer((socket) => sockets.add(socket));
  let port: number;
  beforeAll(async () => {
    port = await listen(silent);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("recognises the connection timeout from Prisma and from a pg pool", async () => {
    const prisma = prismaAt(port);
    const fromPrisma = await caught(prisma.user.findFirst());
    await prisma.$disconnect();
    expect(String((fromPrisma as Error).message)).toMatch(/timeout/);
    expect(isDatabaseUnavailable(fromPrisma)).toBe(true);

    const pool = new pg.Pool({
      connectionString: `postgresql://x:y@127.0.0.1:${port}/db`,
      connectionTimeoutMillis: 300,
    });
    const fromPool = await caught(pool.query("SELECT 1"));
    await pool.end();
    expect(isDatabaseUnavailable(fromPool)).toBe(true);
  });
});

describe("isDatabaseUnavailable says no to everything else", () => {
  it("refuses ordinary errors, app errors and query errors", () => {
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(new AppError("UNAVAILABLE"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    // The shape of a unique violation and of a NUL in text, as Prisma reports them.
    const unique = { code: "P2002", meta: { modelName: "User", target: ["email"] } };
    expect(isDatabaseUnavailable(unique)).toBe(false);
    const nul = {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", code: "22021" } } },
    };
    expect(isDatabaseUnavailable(nul)).toBe(false);
    expect(isInvalidTextEncoding(nul)).toBe(true);
    expect(isInvalidTextEncoding(unique)).toBe(false);
  });

  it("does not loop on a cycle of causes", () => {
    const a: { cause?: unknown } = {};
    const b = { cause: a };
    a.cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

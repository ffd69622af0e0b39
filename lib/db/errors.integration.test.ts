// The shapes that need a real server: a backend terminated by the
// administrator in the middle of a query (57P01, what a PostgreSQL shutting
// down sends), and a NUL character in a text parameter (22021).
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "./client";
import { isDatabaseUnavailable, isInvalidTextEncoding } from "./errors";

const url = inject("databaseUrl");
const prisma = createPrismaClient(url, { max: 1 });
afterAll(() => prisma.$disconnect());

async function terminateOther(pid: number) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  } finally {
    await admin.end();
  }
}

describe("database errors from a live server", () => {
  it("a query whose backend is terminated (57P01) means unavailable", async () => {
    const [{ pid }] = await prisma.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
    const sleeping = prisma.$queryRaw`SELECT pg_sleep(10)`.then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((r) => setTimeout(r, 300));
    await terminateOther(pid);
    const error = await sleeping;
    expect(JSON.stringify((error as { meta?: unknown }).meta)).toContain("57P01");
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isInvalidTextEncoding(error)).toBe(false);
  });

  it("node-postgres's own 57P01 means unavailable too", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on("error", () => {}); // the connection dies with the backend
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const sleeping = client.query("SELECT pg_sleep(10)").then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((r) => setTimeout(r, 300));
    await terminateOther(rows[0]!.pid);
    const error = await sleeping;
    await client.end().catch(() => {});
    expect(error).toMatchObject({ code: "57P01" });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a NUL in text is bad input, not an outage", async () => {
    const error = await prisma.$queryRaw`SELECT ${"a\u0000b"}::text`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isInvalidTextEncoding(error)).toBe(true);
    expect(isDatabaseUnavailable(error)).toBe(false);
    // The pool still works afterwards.
    expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});

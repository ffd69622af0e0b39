import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/lib/testing/databases";
import { checkReadiness } from "./readiness";
import { shutdownState } from "./shutdown-state";

let db: Db;
let drop: () => Promise<void>;
let url: string;

beforeAll(async () => {
  const database = await createEmptyDatabase();
  drop = database.drop;
  url = database.url;
  db = createPrismaClient(url, { max: 2 });
});

afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe("readiness", () => {
  it("is not ready before the migrations, and ready after", async () => {
    expect(await checkReadiness(db)).toMatchObject({
      ready: false,
      reason: "migrations-pending",
      pending: expect.arrayContaining(["20261128000000_init"]),
    });
    await migrate(url);
    expect(await checkReadiness(db)).toMatchObject({ ready: true });
  });

  it("names a migration on disk that the database has not applied", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ready-"));
    try {
      await cp(path.resolve("prisma/migrations"), dir, { recursive: true });
      await cp(path.join(dir, "20261128000000_init"), path.join(dir, "29990101000000_future"), {
        recursive: true,
      });
      expect(await checkReadiness(db, { migrationsDir: dir })).toEqual({
        ready: false,
        reason: "migrations-pending",
        pending: ["29990101000000_future"],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("answers 'database unreachable' quickly when PostgreSQL does not answer", async () => {
    const dead = createPrismaClient("postgresql://nobody:x@127.0.0.1:9/none", { max: 1 });
    const started = Date.now();
    expect(await checkReadiness(dead, { timeoutMs: 1_000 })).toEqual({
      ready: false,
      reason: "database-unreachable",
    });
    expect(Date.now() - started).toBeLessThan(6_000);
    await dead.$disconnect();
  });

  it("is not ready once the instance is shutting down, so balancers send new requests elsewhere", async () => {
    await migrate(url);
    expect(await checkReadiness(db)).toMatchObject({ ready: true });
    shutdownState().since = Date.now(); // what lib/health/shutdown.ts does on SIGTERM
    try {
      expect(await checkReadiness(db)).toEqual({ ready: false, reason: "shutting-down" });
    } finally {
      shutdownState().since = undefined;
    }
  });
});

import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyDatabase } from "@/lib/testing/databases";
import { listMigrations, MigrationError, migrate } from "./migrate";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function emptyDatabase() {
  const database = await createEmptyDatabase();
  cleanups.push(database.drop);
  return database.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationsDir(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), "bridgehead-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrate", () => {
  it("applies every migration once and keeps Prisma's bookkeeping", async () => {
    const url = await emptyDatabase();
    const expected = await listMigrations(path.resolve("prisma/migrations"));
    expect(expected.length).toBeGreaterThan(0);

    const first = await migrate(url);
    expect(first.applied).toEqual(expected.map((m) => m.name));

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
    }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(expected.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const sql = expected[i]!.sql;
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(expected.length);
  });

  it("lets only one of several concurrent runs apply the migrations", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    const total = (await listMigrations(path.resolve("prisma/migrations"))).length;
    expect(appliedCounts).toEqual([0, 0, total]);
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(total);
  });

  it("rolls back a failing migration, records why and stops", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({
      "20260101000000_good": `CREATE TABLE "Good" (id INT PRIMARY KEY);`,
      "20260102000000_bad": `CREATE TABLE "Half" (id INT); SELECT * FROM "NoSuchTable";`,
      "20260103000000_later": `CREATE TABLE "Later" (id INT);`,
    });
    await expect(migrate(url, { dir })).rejects.toThrow(MigrationError);
    await expect(migrate(url, { dir })).rejects.toThrow(/20260102000000_bad failed/);

    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(["Good", "_prisma_migrations"]);
    const bad = await query<{ logs: string; rolled_back_at: Date | null }>(
      url,
      `SELECT logs, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '20260102000000_bad' LIMIT 1`,
    );
    expect(bad[0]!.logs).toMatch(/NoSuchTable/);
    expect(bad[0]!.rolled_back_at).toBeInstanceOf(Date);
  });

  it("refuses to go on after a migration that failed without being rolled back", async () => {
    const url = await emptyDatabase();
    await migrate(url, { dir: await migrationsDir({}) });
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('x', 'y', '20260101000000_crashed')`,
    );
    await expect(migrate(url)).rejects.toThrow(/20260101000000_crashed.*failed earlier/);
  });
});

// The restore drill (docs/operations.md): make data, `npm run db:backup`,
// change and delete data, `npm run db:restore`, and find the database exactly
// as it was at the backup, migrations included. Runs the real commands
// (scripts/db-backup.ts, scripts/db-restore.ts) on an embedded PostgreSQL of
// its own, as `npm run …` does without DATABASE_URL.
import { execFile, spawn } from "node:child_process";
import { chmod, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/lib/testing/databases";
import { createOrganisation, createUser } from "@/lib/testing/factories";
import { type Database, startEmbedded } from "@/scripts/lib/database";

type Result = { code: number | null; stdout: string; stderr: string };

/** Runs one of the scripts the way `npm run db:backup` / `db:restore` do. */
function cli(script: string, args: string[], env: Record<string, string | undefined>) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [key, value] of Object.entries(childEnv))
    if (value === undefined) delete childEnv[key];
  return new Promise<Result>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}`, ...args], {
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Every table of the app's schema: its row count and an MD5 of its rows in a
 * fixed order. Equal fingerprints mean equal contents, row for row.
 */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<Array<{ n: bigint; sum: string }>>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum
       FROM "${name}" t`,
    );
    out[name] = `${row?.n} ${row?.sum}`;
  }
  return out;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

describe("npm run db:backup and db:restore (embedded PostgreSQL)", () => {
  it("restores exactly the state at the backup, refusing while the app is connected", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "bridgehead-backup-"));
    await chmod(root, 0o755); // the postgres user must enter it when we run as root
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const dataDir = path.join(root, "postgres");
    const backups = path.join(root, "backups");
    const env = { DATABASE_URL: undefined, EMBEDDED_PG_DIR: dataDir };

    let server: Database = await startEmbedded(dataDir);
    cleanups.push(() => server.stop());
    await migrate(server.url);
    let db = createPrismaClient(server.url, { max: 2 });
    cleanups.push(() => db.$disconnect());

    // Data, some of it in Chinese, and audit rows (append-only).
    const official = await createUser(db, { role: "OFFICIAL" });
    const kept = await createOrganisation(db, { name: "呼和浩特乳业研究所" });
    const deleted = await createOrganisation(db);
    await db.auditLog.create({
      data: {
        actorId: official.id,
        action: "test.backup",
        entityType: "Organisation",
        entityId: kept.id,
      },
    });

    // The backup, with the server running (as with the app up).
    const backup = await cli("db-backup.ts", [`${backups}/`], env);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const [file, ...others] = await readdir(backups);
    expect(others).toEqual([]);
    expect(file).toMatch(/^bridgehead-\d{8}T\d{6}Z\.tar\.gz$/);
    const archive = path.join(backups, file as string);
    const atBackup = await fingerprint(db);
    expect(atBackup._prisma_migrations).toMatch(/^[1-9]\d* /);

    // Changes after the backup: an edit, a deletion, new rows.
    await db.organisation.update({ where: { id: kept.id }, data: { name: "renamed" } });
    await db.organisation.delete({ where: { id: deleted.id } });
    await createOrganisation(db);
    await db.auditLog.create({ data: { action: "test.after-backup", entityType: "Organisation" } });
    const changed = await fingerprint(db);
    expect(changed).not.toEqual(atBackup);

    // While the app is connected, a restore refuses and touches nothing.
    const app = new pg.Client({ connectionString: server.url, application_name: "bridgehead-app" });
    await app.connect();
    const refused = await cli("db-restore.ts", [archive], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/PostgreSQL is running on .*bridgehead-app ×1.*--force/s);
    expect(await fingerprint(db)).toEqual(changed);
    await app.end();

    // With the app (and so the database) stopped, the restore goes through.
    await db.$disconnect();
    await server.stop();
    const restored = await cli("db-restore.ts", [archive], env);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/the replaced data directory is kept in .*before-restore-/);

    server = await startEmbedded(dataDir);
    db = createPrismaClient(server.url, { max: 2 });
    expect(await fingerprint(db)).toEqual(atBackup);
    expect(await db.organisation.findUnique({ where: { id: kept.id } })).toMatchObject({
      name: "呼和浩特乳业研究所",
    });
    // The migrations table is intact: the runner finds nothing to do.
    expect((await migrate(server.url)).applied).toEqual([]);

    // --force restores under a running server (it stops it first).
    await db.auditLog.create({
      data: { action: "test.after-restore", entityType: "Organisation" },
    });
    await db.$disconnect();
    const forced = await cli("db-restore.ts", [archive, "--force"], env);
    expect(forced.stderr).toBe("");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("--force: stopping PostgreSQL");
    await server.stop(); // already stopped by the restore; this only lets go of the handle
    server = await startEmbedded(dataDir);
    db = createPrismaClient(server.url, { max: 2 });
    expect(await fingerprint(db)).toEqual(atBackup);
  }, 300_000);

  it("asks for a file, and names the backups it has", async () => {
    const result = await cli("db-restore.ts", [], { DATABASE_URL: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run db:restore -- <backup file> [--force]");
  }, 60_000);
});

describe("npm run db:backup and db:restore with DATABASE_URL", () => {
  it("uses pg_dump and pg_restore when they match the server, and otherwise says why not", async () => {
    const url = inject("databaseUrl");
    const root = await mkdtemp(path.join(tmpdir(), "bridgehead-dump-"));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    const client = await promisify(execFile)("pg_dump", ["--version"]).then(
      ({ stdout }) => Number(/\(PostgreSQL\) (\d+)/.exec(stdout)?.[1]),
      () => null,
    );
    const admin = createPrismaClient(url, { max: 1 });
    cleanups.push(() => admin.$disconnect());
    const [{ v }] = (await admin.$queryRaw<Array<{ v: string }>>`
      SELECT current_setting('server_version_num') AS v`) as [{ v: string }];
    const server = Math.floor(Number(v) / 10_000);

    const result = await cli("db-backup.ts", [`${root}/`], { DATABASE_URL: url });
    const files = await readdir(root);
    if (client === null || client < server) {
      // Debian's pg_dump 15 here, and a PostgreSQL 18 server.
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        client === null
          ? "pg_dump was not found"
          : `pg_dump ${client} cannot work with a PostgreSQL ${server} server`,
      );
      expect(files).toEqual([]);
      return;
    }
    expect(result.code).toBe(0);
    expect(files).toEqual([expect.stringMatching(/^bridgehead-\d{8}T\d{6}Z\.dump$/)]);
    const target = await createEmptyDatabase();
    cleanups.push(() => target.drop());
    const restored = await cli("db-restore.ts", [path.join(root, files[0] as string)], {
      DATABASE_URL: target.url,
    });
    expect(restored.code).toBe(0);
    const copy = createPrismaClient(target.url, { max: 1 });
    cleanups.push(() => copy.$disconnect());
    expect(await fingerprint(copy)).toEqual(await fingerprint(admin));
  }, 120_000);
});

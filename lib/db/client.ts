import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type ClientOptions = {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Shown in pg_stat_activity, so that an operator can tell who holds a connection. */
  applicationName?: string;
  /** How long to wait for a connection (ms; default CONNECTION_TIMEOUT_MS). */
  connectionTimeoutMs?: number;
  /**
   * Server-side limit for one statement, lock waits included (ms; 0 = none).
   * PostgreSQL cancels the statement; the pool replaces the connection.
   */
  statementTimeoutMs?: number;
  /** A transaction left idle this long (ms) is ended by the server, releasing its locks (0 = none). */
  idleInTransactionTimeoutMs?: number;
};

/** The limits of the app's own pool (lib/db): no request waits on the database for long. */
export const APP_POOL = {
  applicationName: "bridgehead-app",
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
} as const satisfies ClientOptions;

/** How long to wait for a new connection, or for a free one when the pool is full (ms). */
export const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * A Prisma client over node-postgres. The app keeps one (lib/db); scripts and
 * tests make their own.
 *
 * What happens when PostgreSQL goes away (docs/operations.md):
 * - Opening a connection, or waiting for a free one, fails after
 *   CONNECTION_TIMEOUT_MS instead of hanging the request.
 * - A connection the server closed (restart, failover, pg_terminate_backend)
 *   fails its query at once; node-postgres marks it unusable and the pool
 *   drops it rather than handing it out again (pg-pool's release checks
 *   `_queryable`), so the next query opens a fresh one: when the server is
 *   back, the app is too, without a restart.
 * - TCP keep-alive lets the operating system notice a peer that vanished
 *   without closing the connection (a network partition).
 */
export function createPrismaClient(connectionString: string, options: ClientOptions = {}) {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
    // Idle connections are closed after 30 s, so a quiet instance holds few.
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: options.applicationName ?? "bridgehead-script",
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.idleInTransactionTimeoutMs
      ? { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs }
      : {}),
  });
  const client = new PrismaClient({ adapter });
  // Read through lib/db's proxy as well: see connectionStringOf.
  Object.defineProperty(client, CONNECTION_STRING, { value: connectionString });
  return client;
}

const CONNECTION_STRING = Symbol.for("bridgehead.connectionString");

/**
 * The connection string a client was made with, for the one job that talks
 * to node-postgres directly: the matching rebuild's bulk reads and writes
 * (lib/matching/engine.ts), where Prisma's serialisation of raw parameters
 * (JSON, both ways) would cost more than the work itself.
 */
export function connectionStringOf(db: object): string {
  const url = (db as { [CONNECTION_STRING]?: string })[CONNECTION_STRING];
  if (!url) throw new Error("connectionStringOf: not a client made by createPrismaClient");
  return url;
}

export type Db = ReturnType<typeof createPrismaClient>;

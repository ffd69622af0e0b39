// What a database error means for the caller. Prisma 7 with the node-postgres
// adapter reports a lost database in several shapes, depending on where it
// failed (see errors.test.ts, which makes each of them for real):
//   - PrismaClientKnownRequestError P1001 (model queries, transactions) or
//     P2010 (raw queries) whose meta.driverAdapterError.cause.kind is
//     DatabaseNotReachable / ConnectionClosed / SocketTimeout / TooManyConnections;
//   - the same with cause.kind "postgres" and a SQLSTATE such as 57P01
//     (terminating connection due to administrator command: a server
//     shutting down or a terminated backend);
//   - a plain Error "Connection terminated due to connection timeout" with
//     the node-postgres error as its cause (a server that never answers);
//   - node-postgres's own errors: ECONNREFUSED and friends, SQLSTATE codes.
// Walking every nested error (cause, meta.driverAdapterError) covers them all.

/** Prisma's codes for "the database cannot be reached or answered too late". */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** @prisma/adapter-pg's kinds for connection failures. */
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 53300
 * too_many_connections, 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up or in recovery).
 */
const SQLSTATE_UNAVAILABLE = /^(08[0-9A-Z]{3}|53300|57P0[123])$/;

/** Node's socket errors on the way to the server. */
const SOCKET_UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);

/** node-postgres and pg-pool messages that carry no code. */
const MESSAGE_UNAVAILABLE = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /^Can't reach database server/,
];

/** SQLSTATE 22021 (invalid byte sequence, e.g. a NUL in text) and 22P05 (untranslatable character). */
const SQLSTATE_BAD_TEXT = new Set(["22021", "22P05"]);

type Loose = Record<string, unknown>;

/** The error and everything nested in it (cause, Prisma's driver adapter error), at most 8 deep. */
function* nested(error: unknown): Generator<Loose> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 8) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const value = current as Loose;
    yield value;
    queue.push(value.cause);
    const meta = value.meta as Loose | undefined;
    if (meta && typeof meta === "object") queue.push(meta.driverAdapterError);
  }
}

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/** The SQLSTATEs named anywhere in the error (PostgreSQL's own, or the adapter's copy). */
function sqlStates(error: Loose): string[] {
  return [error.code, error.originalCode].flatMap((c) => {
    const code = str(c);
    return code && /^[0-9A-Z]{5}$/.test(code) ? [code] : [];
  });
}

/**
 * True when the error says the database is unreachable, shutting down, full
 * or too slow to connect: the request may succeed later (503 with
 * Retry-After), as opposed to a bug or a bad query (500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of nested(error)) {
    const code = str(e.code);
    if (code && PRISMA_UNAVAILABLE.has(code)) return true;
    if (str(e.errorCode) && PRISMA_UNAVAILABLE.has(e.errorCode as string)) return true;
    if (str(e.kind) && ADAPTER_UNAVAILABLE.has(e.kind as string)) return true;
    if (code && SOCKET_UNAVAILABLE.has(code)) return true;
    if (sqlStates(e).some((s) => SQLSTATE_UNAVAILABLE.test(s))) return true;
    const message = str(e.message);
    if (message && MESSAGE_UNAVAILABLE.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/**
 * True when PostgreSQL refused a text value it cannot store (a NUL
 * character): bad input, not a server fault. Input validation refuses these
 * first (lib/validation/fields.ts); this is the last line.
 */
export function isInvalidTextEncoding(error: unknown): boolean {
  for (const e of nested(error))
    if (sqlStates(e).some((s) => SQLSTATE_BAD_TEXT.has(s))) return true;
  return false;
}

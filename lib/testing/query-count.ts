// Counts the SQL statements a piece of code sends to PostgreSQL, at the
// driver: a Prisma client over a node-postgres pool whose every connection
// records each query it sends. Whatever Prisma does (one statement or several
// for a nested include, relation joins, a count beside a page), the count is
// what the database receives.
//
//   const counter = createCountingClient(url);
//   const undo = counter.install();           // lib/db's `db` is now this client
//   const { count, statements } = await counter.count(() => loadThemePage(slug, null));
//   undo(); await counter.end();
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** One statement as sent: its text and parameters. */
export type Statement = { text: string; values: unknown[] };

export type Counted<T> = {
  result: T;
  count: number;
  /** The texts, in the order sent. */
  statements: string[];
  /** The same with their parameters (to replay them, e.g. under EXPLAIN). */
  sent: Statement[];
};

export type QueryCounter = {
  db: Db;
  /** Runs `fn` and returns what it returned with the statements sent meanwhile. */
  count<T>(fn: () => Promise<T>): Promise<Counted<T>>;
  /** Makes lib/db's shared `db` this client (the loaders read through it); returns the undo. */
  install(): () => void;
  end(): Promise<void>;
};

export function createCountingClient(connectionString: string): QueryCounter {
  const statements: Statement[] = [];
  let recording = false;
  const pool = new pg.Pool({ connectionString, max: 4 });
  // An idle connection the server closes (the test database dropped, the
  // server stopped) is no failure of the code under test.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    const send = client.query;
    // Every query of this connection, whether through pool.query or a transaction.
    client.query = function (this: pg.PoolClient, ...args: unknown[]) {
      if (recording) {
        // query(text, values?, callback?) or query({ text, values, … }, …)
        const [first, second] = args as [string | { text?: string; values?: unknown[] }, unknown];
        statements.push(
          typeof first === "string"
            ? { text: first, values: Array.isArray(second) ? second : [] }
            : { text: first?.text ?? String(first), values: first?.values ?? [] },
        );
      }
      return (send as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof client.query;
  });
  const db: Db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    db,
    async count(fn) {
      if (recording) throw new Error("count() calls must not overlap");
      // Connect first, so that the measured code finds a connection open.
      await db.$queryRaw`SELECT 1`;
      statements.length = 0;
      recording = true;
      try {
        const result = await fn();
        return {
          result,
          count: statements.length,
          statements: statements.map((s) => s.text),
          sent: [...statements],
        };
      } finally {
        recording = false;
      }
    },
    install() {
      const global = globalThis as unknown as { bridgeheadDb?: Db };
      const previous = global.bridgeheadDb;
      global.bridgeheadDb = db;
      return () => {
        global.bridgeheadDb = previous;
      };
    },
    async end() {
      await db.$disconnect();
      await pool.end();
    },
  };
}

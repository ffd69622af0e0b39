import { env } from "@/lib/env";
import { APP_POOL, createPrismaClient, type Db } from "./client";

// One client per process, kept across hot reloads in development. It is made
// on first use, so that importing this module (as `next build` does) needs no
// database and no DATABASE_URL.
const globalForDb = globalThis as unknown as { bridgeheadDb?: Db };

function client(): Db {
  globalForDb.bridgeheadDb ??= createPrismaClient(env().DATABASE_URL, {
    ...APP_POOL,
    max: env().DATABASE_POOL_SIZE,
  });
  return globalForDb.bridgeheadDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/**
 * Closes this process's pool (graceful shutdown, lib/health/shutdown.ts):
 * its connections end cleanly instead of being cut when the process exits.
 * A later use would open a new pool.
 */
export async function closeDb(): Promise<void> {
  const current = globalForDb.bridgeheadDb;
  if (!current) return;
  globalForDb.bridgeheadDb = undefined;
  await current.$disconnect();
}

export type { Db };

// Readiness: the database answers, every migration on disk is applied, and
// the instance is not shutting down.
// Used by /api/ready (load balancers, orchestrators) and its tests.
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { listMigrations } from "@/lib/db/migrate";
import { markDatabaseAvailable, markDatabaseUnavailable } from "./database-state";
import { isShuttingDown } from "./shutdown-state";

export type Readiness =
  | { ready: true; migrations: number }
  | {
      ready: false;
      reason: "database-unreachable" | "migrations-pending" | "shutting-down";
      pending?: string[];
    };

export async function checkReadiness(
  db: Db,
  options: { migrationsDir?: string; timeoutMs?: number } = {},
): Promise<Readiness> {
  // A load balancer that still reaches this instance over a kept-alive
  // connection learns to send new requests elsewhere.
  if (isShuttingDown()) return { ready: false, reason: "shutting-down" };
  const dir = options.migrationsDir ?? path.resolve(process.cwd(), "prisma/migrations");
  const onDisk = (await listMigrations(dir)).map((m) => m.name);
  let applied: string[];
  try {
    const query = (async () => {
      const [table] = await db.$queryRaw<Array<{ present: boolean }>>`
        SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`;
      if (!table?.present) return [];
      return db.$queryRaw<Array<{ name: string }>>`
        SELECT migration_name AS name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    })();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("timeout")), options.timeoutMs ?? 4_000).unref(),
    );
    applied = (await Promise.race([query, timeout])).map((r) => r.name);
  } catch {
    markDatabaseUnavailable();
    return { ready: false, reason: "database-unreachable" };
  }
  markDatabaseAvailable();
  const done = new Set(applied);
  const pending = onDisk.filter((name) => !done.has(name));
  return pending.length > 0
    ? { ready: false, reason: "migrations-pending", pending }
    : { ready: true, migrations: onDisk.length };
}

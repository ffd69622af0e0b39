// What every start does before the app serves: migrate, then seed an empty database.
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { rebuildAll } from "@/lib/matching/engine";
import { demoCredentials, isDatabaseEmpty, seedDatabase } from "@/prisma/seed";

/**
 * Held while checking whether the database is empty and seeding it. Without
 * it, instances that start together on an empty database all find it empty
 * once the migrations are done, and all seed it: the slower one then fails
 * on a unique constraint and exits (e2e/scale-out.spec.ts). Migrations have
 * their own lock (lib/db/migrate.ts, Prisma's key 72707369); this is the next number.
 */
export const SEED_LOCK_KEY = 72707370;

export async function prepareDatabase(
  { url, external }: { url: string; external: boolean },
  log: (line: string) => void = console.log,
) {
  const { applied, alreadyApplied } = await migrate(url, {
    log: (line) => log(`[migrate] ${line}`),
  });
  // One line per migration this process applied ("[migrate] applied <name>",
  // from lib/db/migrate.ts), or this one: with several instances starting
  // together, the logs show which one migrated.
  if (applied.length === 0)
    log(`[migrate] database is up to date (${alreadyApplied} migrations applied earlier)`);

  const lock = new pg.Client({ connectionString: url, application_name: "bridgehead-seed-lock" });
  await lock.connect();
  const db = createPrismaClient(url, { max: 2 });
  try {
    // Session-level lock on its own connection: a second instance waits here
    // while the first seeds, then finds the data there.
    await lock.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
    if (await isDatabaseEmpty(db)) {
      const demo = seedsDemoData(external);
      log(`[seed] empty database: loading Hohhot${demo ? " and the demo data" : ""}`);
      await seedDatabase(db, { demo, log: (line) => log(`[seed] ${line}`) });
      if (demo) {
        const result = await rebuildAll(db);
        log(
          `[matching] ${result.stored} scores for ${result.organisations} organisations × ${result.targets} targets`,
        );
        printCredentials(log);
      }
    } else {
      log("[seed] the database already has data: nothing to seed");
    }
  } finally {
    await db.$disconnect();
    await lock.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK_KEY]).catch(() => {});
    await lock.end();
  }
}

/**
 * Demo accounts have a published password: they are loaded on the embedded
 * database, and on a configured DATABASE_URL only when SEED_DEMO=true.
 */
export function seedsDemoData(external: boolean) {
  if (process.env.SEED_DEMO) return process.env.SEED_DEMO === "true";
  return !external;
}

export function printCredentials(log: (line: string) => void = console.log) {
  log("[seed] demo accounts (development only):");
  for (const c of demoCredentials())
    log(`[seed]   ${c.role.padEnd(8)} ${c.email}  password: ${c.password}`);
}

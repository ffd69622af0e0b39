// What every start does before the app serves: migrate, then seed an empty database.
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { rebuildAll } from "@/lib/matching/engine";
import { demoCredentials, isDatabaseEmpty, seedDatabase } from "@/prisma/seed";

export async function prepareDatabase(
  { url, external }: { url: string; external: boolean },
  log: (line: string) => void = console.log,
) {
  const { applied } = await migrate(url, { log: (line) => log(`[migrate] ${line}`) });
  if (applied.length === 0) log("[migrate] database is up to date");
  const db = createPrismaClient(url, { max: 2 });
  try {
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
    }
  } finally {
    await db.$disconnect();
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

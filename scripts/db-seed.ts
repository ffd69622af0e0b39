// npm run db:seed: migrates, then adds whatever demo data is missing (idempotent).
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { rebuildAll } from "@/lib/matching/engine";
import { seedDatabase } from "@/prisma/seed";
import { openDatabase } from "./lib/database";
import { printCredentials, seedsDemoData } from "./lib/prepare";

const database = await openDatabase();
const db = createPrismaClient(database.url, { max: 2 });
try {
  await migrate(database.url);
  const demo = seedsDemoData(database.external);
  await seedDatabase(db, { demo, log: console.log });
  const { stored } = await rebuildAll(db);
  console.log(`matching: ${stored} scores`);
  if (demo) printCredentials();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}

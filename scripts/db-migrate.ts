// npm run db:migrate: applies pending migrations (works whether or not the app is running).
import { migrate } from "@/lib/db/migrate";
import { openDatabase } from "./lib/database";

const database = await openDatabase();
try {
  const { applied, alreadyApplied } = await migrate(database.url, { log: console.log });
  console.log(`${applied.length} migration(s) applied, ${alreadyApplied} already in place.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}

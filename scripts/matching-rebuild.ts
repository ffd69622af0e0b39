// npm run matching:rebuild: recomputes every organisation's concepts and
// every stored score, showing progress (works with the app running or not).
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { rebuildAll } from "@/lib/matching/engine";
import { openDatabase } from "./lib/database";

const database = await openDatabase();
const db = createPrismaClient(database.url, { max: 4 });
try {
  await migrate(database.url);
  let last = "";
  const result = await rebuildAll(db, ({ phase, done, total }) => {
    const line = `${phase === "concepts" ? "organisations read" : "targets scored"}: ${done}/${total}`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(40)}`);
    else if (line !== last && (done === total || done % Math.max(1, Math.round(total / 10)) === 0))
      console.log(line);
    last = line;
  });
  if (process.stdout.isTTY) process.stdout.write("\n");
  console.log(
    `rebuilt ${result.stored} scores for ${result.organisations} organisations × ${result.targets} targets in ${result.seconds.toFixed(1)} s`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}

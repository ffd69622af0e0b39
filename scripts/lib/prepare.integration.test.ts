import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { createEmptyDatabase } from "@/lib/testing/databases";
import { DEMO_ACCOUNTS, HOHHOT_FACTS } from "@/prisma/seed-data/hohhot";
import { OPPORTUNITIES } from "@/prisma/seed-data/opportunities";
import { THEMES } from "@/prisma/seed-data/themes";
import { prepareDatabase } from "./prepare";

// Two instances starting at the same moment on an empty database (what
// e2e/scale-out.spec.ts does with real servers): they migrate one after the
// other, and only one seeds.
const database = await createEmptyDatabase();
afterAll(() => database.drop());

const previousSeedDemo = process.env.SEED_DEMO;
beforeEach(() => {
  // The demo data (argon2 hashes, scoring) makes the window for a race wide.
  process.env.SEED_DEMO = "true";
});
afterEach(() => {
  if (previousSeedDemo === undefined) delete process.env.SEED_DEMO;
  else process.env.SEED_DEMO = previousSeedDemo;
});

describe("prepareDatabase", () => {
  it("run by two processes at once, migrates and seeds an empty database once", async () => {
    const logs: string[][] = [[], []];
    await Promise.all(
      logs.map((lines) =>
        prepareDatabase({ url: database.url, external: true }, (line) => lines.push(line)),
      ),
    );

    const applied = logs.map((lines) => lines.filter((l) => l.startsWith("[migrate] applied ")));
    expect(applied.filter((lines) => lines.length > 0)).toHaveLength(1);
    expect(
      logs.flat().filter((l) => l.startsWith("[migrate] database is up to date")),
    ).toHaveLength(1);
    expect(logs.flat().filter((l) => l.startsWith("[seed] empty database"))).toHaveLength(1);
    expect(
      logs.flat().filter((l) => l === "[seed] the database already has data: nothing to seed"),
    ).toHaveLength(1);

    const db = createPrismaClient(database.url, { max: 1 });
    try {
      expect(await db.city.count()).toBe(1);
      expect(await db.cityFact.count()).toBe(HOHHOT_FACTS.length);
      expect(await db.theme.count()).toBe(THEMES.length);
      expect(await db.opportunity.count()).toBe(OPPORTUNITIES.length);
      expect(await db.user.count()).toBe(DEMO_ACCOUNTS.length);
      const migrations = await db.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name HAVING count(*) > 1`;
      expect(migrations).toEqual([]);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});

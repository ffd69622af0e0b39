import { afterEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/lib/testing/databases";
import { isDatabaseEmpty, seedDatabase } from "./seed";
import { DEMO_PASSWORD } from "./seed-data/hohhot";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function freshDb(): Promise<Db> {
  const database = await createEmptyDatabase();
  await migrate(database.url);
  const db = createPrismaClient(database.url, { max: 2 });
  cleanups.push(database.drop, () => db.$disconnect());
  return db;
}

async function counts(db: Db) {
  return {
    cities: await db.city.count(),
    facts: await db.cityFact.count(),
    areas: await db.cooperationArea.count(),
    themes: await db.theme.count(),
    opportunities: await db.opportunity.count(),
    organisations: await db.organisation.count(),
    organisationThemes: await db.organisationTheme.count(),
    users: await db.user.count(),
  };
}

describe("seedDatabase", () => {
  it("loads Hohhot in the profile's own figures", async () => {
    const db = await freshDb();
    expect(await isDatabaseEmpty(db)).toBe(true);
    await seedDatabase(db, { demo: false });
    expect(await isDatabaseEmpty(db)).toBe(false);
    const city = await db.city.findUniqueOrThrow({
      where: { slug: "hohhot" },
      include: { facts: true },
    });
    const fact = (key: string) => Number(city.facts.find((f) => f.key === key)?.value);
    expect(city.nameZh).toBe("呼和浩特");
    expect(fact("population")).toBe(3_446_100);
    expect(fact("county_divisions")).toBe(9);
    expect(fact("national_development_zones")).toBe(1);
    expect(fact("national_high_tech_zones")).toBe(1);
    expect(fact("distance_to_beijing")).toBe(400);
    expect(fact("gdp_growth")).toBe(4.3);
    expect(fact("gdp_per_capita")).toBe(89_000);
    expect(fact("trade_2020")).toBe(14.7);
    expect(fact("trade_h1_2021")).toBe(8.328);
    expect(fact("trade_h1_2021_growth")).toBe(11.2);
    expect(city.summaryEn).toMatch(/Shijiazhuang/);
    expect(city.summaryEn).toMatch(/Mongolia, Russia and Eastern European/);
    // Without demo data: reference data only.
    expect((await counts(db)).organisations).toBe(0);
    expect((await counts(db)).users).toBe(0);
  });

  it("gives both areas and all eight themes bilingual texts and rich keywords", async () => {
    const db = await freshDb();
    await seedDatabase(db, { demo: false });
    const areas = await db.cooperationArea.findMany({
      orderBy: { order: "asc" },
      include: { themes: true },
    });
    expect(areas.map((a) => a.themes.length)).toEqual([4, 4]);
    const themes = await db.theme.findMany({ orderBy: { order: "asc" } });
    expect(themes.map((t) => t.slug)).toEqual([
      "dairy",
      "agrofood-chain",
      "urban-agriculture",
      "life-sciences-health",
      "biopharmaceuticals",
      "chemicals-new-materials",
      "industry-digital-economy",
      "cross-border-ecommerce",
    ]);
    for (const theme of themes) {
      expect(theme.nameZh).toMatch(/\p{Script=Han}/u);
      expect(theme.descriptionZh).toMatch(/\p{Script=Han}/u);
      expect(theme.keywordsEn.length).toBeGreaterThanOrEqual(20);
      expect(theme.keywordsZh.length).toBeGreaterThanOrEqual(20);
    }
    expect(themes[0]!.keywordsEn).toEqual(
      expect.arrayContaining(["milk", "cheese", "whey", "probiotics"]),
    );
  });

  it("is idempotent and never overwrites what users changed", async () => {
    const db = await freshDb();
    await seedDatabase(db, { demo: true });
    const first = await counts(db);
    expect(first).toMatchObject({
      cities: 1,
      facts: 10,
      areas: 2,
      themes: 8,
      opportunities: 12,
      organisations: 40,
      users: 3,
    });

    const dairy = await db.theme.findFirstOrThrow({ where: { slug: "dairy" } });
    await db.theme.update({
      where: { id: dairy.id },
      data: { keywordsEn: ["edited by an official"] },
    });

    await seedDatabase(db, { demo: true });
    expect(await counts(db)).toEqual(first);
    const after = await db.theme.findUniqueOrThrow({ where: { id: dairy.id } });
    expect(after.keywordsEn).toEqual(["edited by an official"]);
  });

  it("creates one demo account per role, with a working argon2id password", async () => {
    const db = await freshDb();
    await seedDatabase(db, { demo: true });
    const users = await db.user.findMany({ orderBy: { role: "asc" } });
    expect(users.map((u) => u.role)).toEqual(["PARTNER", "OFFICIAL", "ADMIN"]);
    const partner = users[0]!;
    expect(partner.organisationId).not.toBeNull();
    expect(partner.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(partner.passwordHash!, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(partner.passwordHash!, "wrong password")).toBe(false);
  });
});

// The demo and reference data. Idempotent: it only adds what is missing, so
// running it again never duplicates rows nor undoes what users changed.
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, HOHHOT, HOHHOT_FACTS } from "./seed-data/hohhot";
import { OPPORTUNITIES } from "./seed-data/opportunities";
import { ORGANISATIONS } from "./seed-data/organisations";
import { AREAS, THEMES } from "./seed-data/themes";

const DAY_MS = 86_400_000;

export async function isDatabaseEmpty(db: Db) {
  return (await db.city.count()) === 0;
}

export type SeedOptions = {
  /** Also load the fictional organisations, opportunities and demo accounts. */
  demo: boolean;
  log?: (line: string) => void;
};

export async function seedDatabase(db: Db, { demo, log = () => {} }: SeedOptions) {
  const city = await db.city.upsert({
    where: { slug: HOHHOT.slug },
    update: {},
    create: { ...HOHHOT },
  });

  for (const [index, fact] of HOHHOT_FACTS.entries()) {
    await db.cityFact.upsert({
      where: { cityId_key: { cityId: city.id, key: fact.key } },
      update: {},
      create: { ...fact, cityId: city.id, order: index + 1 },
    });
  }

  const areaIds = new Map<string, string>();
  for (const area of AREAS) {
    const row = await db.cooperationArea.upsert({
      where: { cityId_slug: { cityId: city.id, slug: area.slug } },
      update: {},
      create: { ...area, cityId: city.id },
    });
    areaIds.set(area.slug, row.id);
  }

  const themeIds = new Map<string, string>();
  for (const { areaSlug, ...theme } of THEMES) {
    const areaId = areaIds.get(areaSlug);
    if (!areaId) throw new Error(`Theme ${theme.slug} names unknown area ${areaSlug}`);
    const row = await db.theme.upsert({
      where: { cityId_slug: { cityId: city.id, slug: theme.slug } },
      update: {},
      create: { ...theme, cityId: city.id, areaId },
    });
    themeIds.set(theme.slug, row.id);
  }

  if (!demo) {
    log(
      `seeded ${city.nameEn}: ${HOHHOT_FACTS.length} figures, ${AREAS.length} areas, ${THEMES.length} themes`,
    );
    return;
  }

  const now = Date.now();
  let createdOpportunities = 0;
  for (const { key, themeSlug, deadlineInDays, ...opportunity } of OPPORTUNITIES) {
    const themeId = themeIds.get(themeSlug);
    if (!themeId) throw new Error(`Opportunity ${key} names unknown theme ${themeSlug}`);
    const existing = await db.opportunity.findUnique({
      where: { slug: key },
      select: { id: true },
    });
    if (existing) continue;
    await db.opportunity.create({
      data: {
        ...opportunity,
        slug: key,
        themeId,
        deadline: new Date(Math.floor((now + deadlineInDays * DAY_MS) / DAY_MS) * DAY_MS),
        publishedAt: opportunity.status === "DRAFT" ? null : new Date(now),
      },
    });
    createdOpportunities++;
  }

  let createdOrganisations = 0;
  for (const { themeSlugs, ...organisation } of ORGANISATIONS) {
    const existing = await db.organisation.findUnique({
      where: { externalRef: organisation.externalRef },
      select: { id: true },
    });
    if (existing) continue;
    await db.organisation.create({
      data: {
        ...organisation,
        lastConfirmedAt: new Date(now),
        // The demo profiles stand for partners who finished onboarding and consented.
        consentedAt: new Date(now),
        themes: {
          create: themeSlugs.map((slug) => {
            const themeId = themeIds.get(slug);
            if (!themeId) throw new Error(`${organisation.name} names unknown theme ${slug}`);
            return { themeId };
          }),
        },
      },
    });
    createdOrganisations++;
  }

  const partnerOrganisation = await db.organisation.findUnique({
    where: { externalRef: ORGANISATIONS[0]?.externalRef ?? "" },
    select: { id: true },
  });
  let passwordHash: string | undefined;
  for (const account of DEMO_ACCOUNTS) {
    if (await db.user.findUnique({ where: { email: account.email }, select: { id: true } }))
      continue;
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    await db.user.create({
      data: {
        ...account,
        passwordHash,
        emailVerifiedAt: new Date(now),
        organisationId: account.role === "PARTNER" ? partnerOrganisation?.id : null,
      },
    });
  }

  log(
    `seeded ${city.nameEn}: ${HOHHOT_FACTS.length} figures, ${AREAS.length} areas, ${THEMES.length} themes; ` +
      `${createdOpportunities} new opportunities, ${createdOrganisations} new organisations`,
  );
}

export function demoCredentials() {
  return DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role, password: DEMO_PASSWORD }));
}

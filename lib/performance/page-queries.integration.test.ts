// No N+1: the SQL statements each key page sends to PostgreSQL, counted at the
// driver (lib/testing/query-count.ts), stay within a fixed budget and do not
// grow with the rows the page shows. Each page's loaders are called as the
// page calls them, signed-in pages with the gate's own session check and the
// header's unread count; then 35 more rows of every kind are added (5 -> 40)
// and every page is counted again.
//
// The database is one of its own (a fresh, migrated Hohhot): the rows shown
// are exactly the ones made here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { loadSession } from "@/lib/auth/sessions";
import { getCityProfile } from "@/lib/cities/queries";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { getReviewDashboard } from "@/lib/interests/dashboard-queries";
import { getMyInterest } from "@/lib/interests/queries";
import {
  getReviewFilterOptions,
  listReviewQueue,
  loadReviewInterestPage,
} from "@/lib/interests/review-queries";
import { parseReviewState, reviewFilterOf } from "@/lib/interests/review-schema";
import {
  getOfficialTheme,
  listRankedCountries,
  listRankedOrganisations,
  listThemeOpportunities,
} from "@/lib/matching/official-queries";
import { parseRankedFilter } from "@/lib/matching/official-schema";
import { getThemeNames, loadSuggestionsPage } from "@/lib/matching/queries";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { createEmptyDatabase } from "@/lib/testing/databases";
import { createOrganisation, createUser, unique } from "@/lib/testing/factories";
import { createCountingClient, type QueryCounter } from "@/lib/testing/query-count";
import { loadThemePage } from "@/lib/themes/queries";
import { seedDatabase } from "@/prisma/seed";

/**
 * Statements per page, measured: the gate's session check is 2 (the session,
 * then its user: Prisma sends one statement per relation, relationJoins being
 * off) and the header's unread count 1; the city profile (header figures,
 * themes with their open opportunities) is 4. A page that needs more must say
 * why here; a count that grows with the rows is an N+1 whatever the budget.
 */
const BUDGET = {
  /** The city profile (4); anonymous, so no gate. */
  home: 4,
  /** Gate 3, theme with its area and open opportunities 3, city 4, the partner's open interest 1. */
  theme: 11,
  /** Gate 3, organisation with its themes 4, theme names 1, theme scores 2, score count 1, city 4, suggestions count + page 2, concept index 1. */
  matches: 18,
  /** Gate 3, queue count + page 2, filter options 4 (themes, opportunities, countries, officials). */
  queue: 9,
  /** Gate 3, the expression with its organisation, notes and people 13, history 3, officials 1, theme names 1, city 4. */
  interestOfficial: 25,
  /** Gate 3, the expression with its people and target 5, history 2. */
  interestPartner: 10,
  /** Gate 3, six grouped figures 6, filter options 4. */
  dashboard: 13,
  /** Gate 3, theme 1, ranked count + page + organisations' members 3, invitable members and recent invites 2, countries 1, theme names 1, opportunities 1. */
  ranked: 12,
} as const;
type PageName = keyof typeof BUDGET;

const THEME = "dairy";
const DAY = 86_400_000;

let database: { url: string; drop(): Promise<void> };
let setup: Db;
let counter: QueryCounter;
let uninstall: () => void;
let partner: Caller;
let official: Caller;
let detailId: string;
let themeId: string;
const officialIds: string[] = [];
let rows = 0;

function caller(
  user: { id: string; email: string; name: string },
  sessionId: string,
  extra: Pick<Caller, "role" | "organisationId">,
): Caller {
  return { userId: user.id, sessionId, email: user.email, name: user.name, locale: "en", ...extra };
}

/** What every signed-in page reads before its own data: the session, the bell. */
async function gate(who: Caller) {
  await Promise.all([loadSession(who.sessionId, 0), countUnreadNotifications(who.userId)]);
}

/** Adds rows of every kind shown by the pages until there are `target` of each. */
async function grow(target: number) {
  for (let i = rows; i < target; i++) {
    const opportunity = await setup.opportunity.create({
      data: {
        slug: unique("opp"),
        themeId,
        titleEn: `Yoghurt pilot ${i}`,
        titleZh: `酸奶试点 ${i}`,
        descriptionEn: "A dairy company seeks probiotic fermentation partners.",
        descriptionZh: "乳企寻求益生菌发酵合作伙伴。",
        cooperationTypes: ["JOINT_RD"],
        partnerTypes: [],
        trlMin: 3,
        trlMax: 7,
        status: "PUBLISHED",
        deadline: new Date(Date.now() + (30 + i) * DAY),
        publishedAt: new Date(),
        hostNameEn: `Host ${i}`,
        hostNameZh: `发布方 ${i}`,
        hostType: "ENTERPRISE",
      },
    });
    const other = await createOrganisation(setup, { country: i % 2 ? "DE" : "FR" });
    await createUser(setup, { organisationId: other.id });
    const assignee = await createUser(setup, { role: "OFFICIAL" });
    officialIds.push(assignee.id);
    const explanation = JSON.stringify({ factors: [], concepts: [], nearMisses: [] });
    await setup.matchScore.createMany({
      data: [
        // The partner's suggestion, and the other organisation in the theme's ranked list.
        {
          organisationId: partner.organisationId!,
          targetKind: "OPPORTUNITY",
          targetId: opportunity.id,
          score: 45 + (i % 50),
          explanation,
          computedAt: new Date(),
        },
        {
          organisationId: other.id,
          targetKind: "THEME",
          targetId: themeId,
          score: 45 + (i % 50),
          explanation,
          computedAt: new Date(),
        },
        {
          organisationId: other.id,
          targetKind: "OPPORTUNITY",
          targetId: opportunity.id,
          score: 60,
          explanation,
          computedAt: new Date(),
        },
      ],
    });
    const interest = await setup.expressionOfInterest.create({
      data: {
        organisationId: other.id,
        themeId,
        opportunityId: opportunity.id,
        motivation: `Motivation ${i}`,
        cooperationType: "JOINT_RD",
        contribution: "Our pilot plant.",
        timeline: "This year.",
        assigneeId: assignee.id,
        createdAt: new Date(Date.now() - i * DAY),
      },
    });
    await setup.interestEvent.create({
      data: { interestId: interest.id, toStatus: "SUBMITTED", createdAt: interest.createdAt },
    });
    // The detail page's expression: one more status change, assignment and note each time.
    await setup.interestEvent.createMany({
      data: [
        {
          interestId: detailId,
          fromStatus: "IN_REVIEW",
          toStatus: "IN_REVIEW",
          note: `Remark ${i}`,
          actorId: assignee.id,
        },
        {
          interestId: detailId,
          kind: "ASSIGNMENT",
          fromStatus: "IN_REVIEW",
          toStatus: "IN_REVIEW",
          actorId: official.userId,
          data: { from: officialIds.at(-2) ?? null, to: assignee.id },
        },
      ],
    });
    await setup.interestNote.create({
      data: { interestId: detailId, authorId: assignee.id, body: `Note ${i}` },
    });
    await setup.notification.create({
      data: { userId: partner.userId, kind: "interest.status", interestId: detailId },
    });
  }
  rows = target;
}

type Counts = Record<PageName, { count: number; shown: number; statements: string[] }>;

async function countPages(): Promise<Counts> {
  const counts = {} as Counts;
  const measure = async (name: PageName, fn: () => Promise<number>) => {
    const { result, count, statements } = await counter.count(fn);
    counts[name] = { count, shown: result, statements };
  };
  await measure("home", async () => {
    const city = await getCityProfile();
    return city!.areas.reduce(
      (sum, area) => sum + area.themes.reduce((n, theme) => n + theme._count.opportunities, 0),
      0,
    );
  });
  await measure("theme", async () => {
    await gate(partner);
    const page = await loadThemePage(THEME, partner);
    return page!.theme.opportunities.length;
  });
  await measure("matches", async () => {
    await gate(partner);
    const page = await loadSuggestionsPage(partner, {}, "en");
    return page!.suggestions.rows.length;
  });
  const queueState = parseReviewState(new URLSearchParams("status=SUBMITTED&sort=score&dir=desc"));
  await measure("queue", async () => {
    await gate(official);
    const [queue, options] = await Promise.all([
      listReviewQueue(official, queueState),
      getReviewFilterOptions(official),
    ]);
    expect(options.officials.length).toBeGreaterThan(rows);
    return queue.rows.length;
  });
  await measure("interestOfficial", async () => {
    await gate(official);
    const page = await loadReviewInterestPage(official, detailId);
    expect(page!.interest.notes).toHaveLength(rows);
    return page!.history.length;
  });
  await measure("interestPartner", async () => {
    await gate(partner);
    const interest = await getMyInterest(partner.organisationId!, detailId);
    return interest!.history.length;
  });
  await measure("dashboard", async () => {
    await gate(official);
    const [dashboard] = await Promise.all([
      getReviewDashboard(official, reviewFilterOf(queueState)),
      getReviewFilterOptions(official),
    ]);
    return dashboard.total;
  });
  await measure("ranked", async () => {
    // As app/[locale]/official/themes/[slug]/page.tsx calls them.
    await gate(official);
    const theme = await getOfficialTheme(THEME);
    const target = { kind: "THEME", id: theme!.id } as const;
    const [ranked] = await Promise.all([
      listRankedOrganisations(target, parseRankedFilter({})),
      listRankedCountries(target),
      getThemeNames(),
      listThemeOpportunities(theme!.id),
    ]);
    return ranked.organisations.length;
  });
  return counts;
}

let few: Counts;
let many: Counts;

beforeAll(async () => {
  database = await createEmptyDatabase();
  await migrate(database.url);
  setup = createPrismaClient(database.url, { max: 2 });
  await seedDatabase(setup, { demo: false });
  themeId = (await setup.theme.findFirstOrThrow({ where: { slug: THEME } })).id;

  const organisation = await createOrganisation(setup);
  const partnerUser = await createUser(setup, { organisationId: organisation.id });
  const officialUser = await createUser(setup, { role: "OFFICIAL" });
  const session = (userId: string) =>
    setup.session.create({ data: { userId, expiresAt: new Date(Date.now() + DAY) } });
  partner = caller(partnerUser, (await session(partnerUser.id)).id, {
    role: "PARTNER",
    organisationId: organisation.id,
  });
  official = caller(officialUser, (await session(officialUser.id)).id, {
    role: "OFFICIAL",
    organisationId: null,
  });
  await setup.matchScore.create({
    data: {
      organisationId: organisation.id,
      targetKind: "THEME",
      targetId: themeId,
      score: 70,
      explanation: JSON.stringify({ factors: [], concepts: [], nearMisses: [] }),
      computedAt: new Date(),
    },
  });
  detailId = (
    await setup.expressionOfInterest.create({
      data: {
        organisationId: organisation.id,
        themeId,
        status: "IN_REVIEW",
        motivation: "We make yoghurt.",
        cooperationType: "JOINT_RD",
        contribution: "Strains.",
        timeline: "Soon.",
        contactUserId: partnerUser.id,
        submittedById: partnerUser.id,
        version: 1,
      },
    })
  ).id;

  counter = createCountingClient(database.url);
  uninstall = counter.install();
  await grow(5);
  few = await countPages();
  await grow(40);
  many = await countPages();
  console.log(
    (Object.keys(BUDGET) as PageName[])
      .map(
        (name) => `${name}: ${few[name].count} statements (5 rows), ${many[name].count} (40 rows)`,
      )
      .join("\n"),
  );
  // QUERY_COUNT_VERBOSE=1 lists each page's statements (their first 160 characters).
  if (process.env.QUERY_COUNT_VERBOSE)
    for (const name of Object.keys(BUDGET) as PageName[])
      console.log(
        `\n${name}:\n${many[name].statements.map((q) => `  ${q.slice(0, 160)}`).join("\n")}`,
      );
}, 180_000);

afterAll(async () => {
  uninstall?.();
  await counter?.end();
  await setup?.$disconnect();
  await database?.drop();
});

describe("database statements per page", () => {
  it("shows the rows it was given (5, then 40 or a full page)", () => {
    expect(few.theme.shown).toBe(5);
    expect(many.theme.shown).toBe(40);
    expect(few.matches.shown).toBe(5);
    expect(many.matches.shown).toBeGreaterThan(5);
    expect(few.queue.shown).toBe(5);
    expect(many.queue.shown).toBe(25);
    expect(few.interestOfficial.shown).toBe(10);
    expect(many.interestOfficial.shown).toBe(80);
    expect(few.interestPartner.shown).toBe(5);
    expect(many.interestPartner.shown).toBe(40);
    expect(few.dashboard.shown).toBe(5);
    expect(many.dashboard.shown).toBe(40);
    expect(few.ranked.shown).toBe(6); // and the partner's own organisation
    expect(many.ranked.shown).toBe(20);
    expect(many.home.shown).toBe(40);
  });

  it.each(Object.keys(BUDGET) as PageName[])(
    "%s: within its budget, the same for 5 and 40 rows",
    (name) => {
      const detail = `${name}: ${few[name].count} statements for 5 rows, ${many[name].count} for 40:\n${many[name].statements.join("\n---\n")}`;
      expect(many[name].count, detail).toBe(few[name].count);
      expect(many[name].count, detail).toBeLessThanOrEqual(BUDGET[name]);
      expect(many[name].count).toBeGreaterThan(0);
    },
  );
});

import "server-only";
// What Hohhot's officials read from the stored match scores: the best
// European partners per theme and per published opportunity, and how well
// each theme and opportunity is covered. Only organisations officials may
// see are counted and listed: those that consented, and imported ones
// (public records that nobody has registered yet).
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MatchTargetKind } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/routing";
import { recentInvites } from "@/lib/interest-invites/queries";
import { openOpportunityWhere } from "@/lib/opportunities/visibility";
import { countriesWhere } from "@/lib/organisations/country-sql";
import {
  GOOD_SCORE,
  MIN_SCORE,
  RANKED_PAGE_SIZE,
  type RankedFilter,
  STRONG_SCORE,
} from "./official-schema";
import { findOpportunityConcepts, getConceptIndex } from "./queries";
import { isChinese } from "./text";

/** The organisations officials may see, as a Prisma filter. */
export const visibleToOfficials = {
  OR: [{ consentedAt: { not: null } }, { origin: "IMPORTED" }],
} satisfies Prisma.OrganisationWhereInput;

/**
 * The same rule in SQL, for an organisation aliased `o`; written as the
 * partial index "Organisation_visible_idx" is, so that PostgreSQL can use it.
 */
export const VISIBLE_SQL = Prisma.sql`(o."consentedAt" IS NOT NULL OR o.origin = 'IMPORTED')`;

export type CoverageCounts = {
  /** Visible organisations scoring GOOD_SCORE or more. */
  good: number;
  /** Visible organisations scoring STRONG_SCORE or more. */
  strong: number;
};

export type OpportunityCoverage = CoverageCounts & {
  id: string;
  slug: string;
  titleEn: string;
  titleZh: string;
  deadline: Date | null;
};

export type ThemeCoverage = CoverageCounts & {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string;
  /** The theme's published opportunities, soonest deadline first. */
  opportunities: OpportunityCoverage[];
};

/**
 * Per theme of the city: how many organisations match well and strongly,
 * and the same for each of its published opportunities. Two grouped
 * queries, whatever the number of themes and opportunities.
 */
export const getCoverage = cache(
  async (citySlug: string = env().CITY_SLUG): Promise<ThemeCoverage[]> => {
    const [themes, opportunities] = await Promise.all([
      db.$queryRaw<Array<Omit<ThemeCoverage, "opportunities">>>`
        SELECT t.id, t.slug, t."nameEn", t."nameZh",
          count(ms."organisationId") FILTER (WHERE ms.score >= ${GOOD_SCORE})::int AS good,
          count(ms."organisationId") FILTER (WHERE ms.score >= ${STRONG_SCORE})::int AS strong
        FROM "Theme" t
        JOIN "City" c ON c.id = t."cityId"
        JOIN "CooperationArea" a ON a.id = t."areaId"
        LEFT JOIN "MatchScore" ms
          ON ms."targetKind" = 'THEME' AND ms."targetId" = t.id AND ms.score >= ${GOOD_SCORE}
          AND EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = ms."organisationId" AND ${VISIBLE_SQL})
        WHERE c.slug = ${citySlug}
        GROUP BY t.id, a."order"
        ORDER BY a."order", t."order", t.slug`,
      db.$queryRaw<Array<OpportunityCoverage & { themeId: string }>>`
        SELECT op.id, op.slug, op."themeId", op."titleEn", op."titleZh", op.deadline,
          count(ms."organisationId") FILTER (WHERE ms.score >= ${GOOD_SCORE})::int AS good,
          count(ms."organisationId") FILTER (WHERE ms.score >= ${STRONG_SCORE})::int AS strong
        FROM "Opportunity" op
        JOIN "Theme" t ON t.id = op."themeId"
        JOIN "City" c ON c.id = t."cityId"
        LEFT JOIN "MatchScore" ms
          ON ms."targetKind" = 'OPPORTUNITY' AND ms."targetId" = op.id AND ms.score >= ${GOOD_SCORE}
          AND EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = ms."organisationId" AND ${VISIBLE_SQL})
        WHERE c.slug = ${citySlug} AND op.status = 'PUBLISHED'
        GROUP BY op.id
        ORDER BY op.deadline ASC NULLS LAST, op."titleEn", op.id`,
    ]);
    const byTheme = new Map<string, OpportunityCoverage[]>();
    for (const { themeId, ...opportunity } of opportunities) {
      const list = byTheme.get(themeId) ?? [];
      list.push(opportunity);
      byTheme.set(themeId, list);
    }
    return themes.map((theme) => ({ ...theme, opportunities: byTheme.get(theme.id) ?? [] }));
  },
);

/** A theme of the city, for the head of its ranked list. */
export const getOfficialTheme = cache(async (slug: string, citySlug: string = env().CITY_SLUG) => {
  return db.theme.findFirst({
    where: { slug, city: { slug: citySlug } },
    select: {
      id: true,
      slug: true,
      nameEn: true,
      nameZh: true,
      descriptionEn: true,
      descriptionZh: true,
    },
  });
});

/** A theme's published opportunities (those that have ranked lists), soonest deadline first. */
export async function listThemeOpportunities(themeId: string) {
  return db.opportunity.findMany({
    where: { themeId, status: "PUBLISHED" },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { titleEn: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, titleEn: true, titleZh: true },
  });
}

/**
 * A published or closed opportunity of the city, for the head of its ranked
 * list. Closing keeps the stored scores (lib/opportunities/mutations.ts
 * closeOpportunity), so officials can still follow up on who matched.
 */
export const getOfficialOpportunity = cache(
  async (slug: string, citySlug: string = env().CITY_SLUG) => {
    return db.opportunity.findFirst({
      where: { slug, status: { in: ["PUBLISHED", "CLOSED"] }, theme: { city: { slug: citySlug } } },
      select: {
        id: true,
        status: true,
        slug: true,
        titleEn: true,
        titleZh: true,
        descriptionEn: true,
        descriptionZh: true,
        hostNameEn: true,
        hostNameZh: true,
        cooperationTypes: true,
        partnerTypes: true,
        trlMin: true,
        trlMax: true,
        deadline: true,
        theme: { select: { slug: true, nameEn: true, nameZh: true } },
      },
    });
  },
);

/**
 * The concepts an opportunity's own text names, with the words it uses for
 * each, in the reader's language when it has them: what explanations show
 * as "Sought". The same concept search as the engine's
 * (lib/matching/targets.ts opportunityTarget).
 */
export async function getSoughtTerms(
  opportunity: { titleEn: string; titleZh: string; descriptionEn: string; descriptionZh: string },
  locale: Locale,
  citySlug: string = env().CITY_SLUG,
): Promise<ReadonlyMap<string, readonly string[]>> {
  const hits = findOpportunityConcepts(await getConceptIndex(citySlug), opportunity);
  const zh = locale === "zh";
  const sought = new Map<string, string[]>();
  for (const [id, terms] of hits) {
    if (id.startsWith("theme:")) continue;
    const own = terms.filter((term) => isChinese(term) === zh);
    sought.set(id, own.length > 0 ? own : terms);
  }
  return sought;
}

export type RankTarget = { kind: MatchTargetKind; id: string };

export type RankedOrganisation = {
  id: string;
  name: string;
  country: string;
  city: string | null;
  type: string;
  score: number;
  /** The stored explanation, compact (explanation-codec.ts): read it with parseExplanation. */
  explanation: unknown;
  /** Imported from a public source and nobody has registered it yet. */
  unregistered: boolean;
  origin: "REGISTERED" | "IMPORTED";
  /** Members who can receive an invitation: active, with a confirmed email address. */
  invitableMembers: number;
  /** When it was last invited to express interest in this target, within the re-invitation window. */
  invitedAt: Date | null;
};

function rankedWhere(target: RankTarget, filter: RankedFilter): Prisma.MatchScoreWhereInput {
  return {
    targetKind: target.kind,
    targetId: target.id,
    score: { gte: filter.min ?? MIN_SCORE.min },
    organisation: {
      ...visibleToOfficials,
      ...(filter.country ? { country: filter.country } : {}),
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.coop ? { cooperationTypes: { has: filter.coop } } : {}),
    },
  };
}

/**
 * One page of the organisations matching a theme or an opportunity, best
 * first, filtered in the database. A page past the end shows the last one.
 */
export async function listRankedOrganisations(target: RankTarget, filter: RankedFilter) {
  const where = rankedWhere(target, filter);
  const total = await db.matchScore.count({ where });
  const pages = Math.max(1, Math.ceil(total / RANKED_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await db.matchScore.findMany({
    where,
    orderBy: [{ score: "desc" }, { organisation: { name: "asc" } }, { organisationId: "asc" }],
    skip: (page - 1) * RANKED_PAGE_SIZE,
    take: RANKED_PAGE_SIZE,
    select: {
      score: true,
      explanation: true,
      organisation: {
        select: {
          id: true,
          name: true,
          country: true,
          city: true,
          type: true,
          origin: true,
          _count: { select: { members: true } },
        },
      },
    },
  });
  // Two grouped queries for the whole page: who can be invited, and who was invited lately.
  const ids = rows.map((row) => row.organisation.id);
  const [members, invited] = await Promise.all([
    ids.length
      ? db.user.groupBy({
          by: ["organisationId"],
          where: { organisationId: { in: ids }, status: "ACTIVE", emailVerifiedAt: { not: null } },
          _count: { _all: true },
        })
      : [],
    recentInvites(target, ids),
  ]);
  // Organisations can be invited to a theme, or to an opportunity that takes expressions of interest.
  const invitable =
    target.kind === "THEME" ||
    (await db.opportunity.count({ where: { id: target.id, ...openOpportunityWhere() } })) > 0;
  const invitableBy = new Map(members.map((row) => [row.organisationId, row._count._all]));
  const organisations: RankedOrganisation[] = rows.map(({ score, explanation, organisation }) => ({
    id: organisation.id,
    name: organisation.name,
    country: organisation.country.trim(),
    city: organisation.city,
    type: organisation.type,
    score,
    explanation,
    unregistered: organisation.origin === "IMPORTED" && organisation._count.members === 0,
    origin: organisation.origin,
    invitableMembers: invitableBy.get(organisation.id) ?? 0,
    invitedAt: invited.get(organisation.id) ?? null,
  }));
  return {
    organisations,
    total,
    page,
    pages,
    pageSize: RANKED_PAGE_SIZE,
    target: { ...target, invitable },
  };
}

/** The countries of the organisations a target's list can show, for the country filter. */
export async function listRankedCountries(target: RankTarget): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ country: string }>>(
    countriesWhere(
      Prisma.sql`FROM "Organisation" o
        JOIN "MatchScore" ms ON ms."organisationId" = o.id
          AND ms."targetKind" = ${target.kind}::"MatchTargetKind" AND ms."targetId" = ${target.id}`,
      VISIBLE_SQL,
    ),
  );
  return rows.map((row) => row.country);
}

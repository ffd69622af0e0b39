import "server-only";
// What the REST API reads, already in the shape of its documented responses
// (lib/api/schemas.ts). Organisations are those officials may see on their
// own pages (lib/matching/official-queries.ts visibleToOfficials): the API
// never reveals more than the UI.
import type { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MatchTargetKind } from "@/lib/generated/prisma/enums";
import { parseExplanation } from "@/lib/matching/labels";
import { VISIBLE_SQL, visibleToOfficials } from "@/lib/matching/official-queries";
import { GOOD_SCORE, STRONG_SCORE } from "@/lib/matching/official-schema";
import {
  API_OPPORTUNITY_STATUSES,
  type matchListSchema,
  type opportunityListQuerySchema,
  type opportunityListSchema,
  type opportunitySchema,
  type themeListSchema,
} from "./schemas";
import { listApiTokens } from "./tokens";

type Theme = z.output<typeof themeListSchema>["data"][number];
type Opportunity = z.output<typeof opportunitySchema>;

/** The city's themes in display order, with how many visible organisations match each well and strongly. */
export async function listApiThemes(citySlug: string = env().CITY_SLUG): Promise<Theme[]> {
  const rows = await db.$queryRaw<
    Array<{
      slug: string;
      nameEn: string;
      nameZh: string;
      descriptionEn: string;
      descriptionZh: string;
      keywordsEn: string[];
      keywordsZh: string[];
      order: number;
      areaSlug: string;
      areaNameEn: string;
      areaNameZh: string;
      areaOrder: number;
      good: number;
      strong: number;
    }>
  >`
    SELECT t.slug, t."nameEn", t."nameZh", t."descriptionEn", t."descriptionZh",
      t."keywordsEn", t."keywordsZh", t."order",
      a.slug AS "areaSlug", a."nameEn" AS "areaNameEn", a."nameZh" AS "areaNameZh", a."order" AS "areaOrder",
      count(ms."organisationId")::int AS good,
      count(ms."organisationId") FILTER (WHERE ms.score >= ${STRONG_SCORE})::int AS strong
    FROM "Theme" t
    JOIN "City" c ON c.id = t."cityId"
    JOIN "CooperationArea" a ON a.id = t."areaId"
    LEFT JOIN "MatchScore" ms
      ON ms."targetKind" = 'THEME' AND ms."targetId" = t.id AND ms.score >= ${GOOD_SCORE}
      AND EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = ms."organisationId" AND ${VISIBLE_SQL})
    WHERE c.slug = ${citySlug}
    GROUP BY t.id, a.id
    ORDER BY a."order", t."order", t.slug`;
  return rows.map((row) => ({
    slug: row.slug,
    name: row.nameEn,
    nameZh: row.nameZh,
    description: row.descriptionEn,
    descriptionZh: row.descriptionZh,
    keywords: row.keywordsEn,
    keywordsZh: row.keywordsZh,
    area: {
      slug: row.areaSlug,
      name: row.areaNameEn,
      nameZh: row.areaNameZh,
      order: row.areaOrder,
    },
    order: row.order,
    matches: { good: row.good, strong: row.strong },
  }));
}

const opportunitySelect = {
  id: true,
  slug: true,
  titleEn: true,
  titleZh: true,
  descriptionEn: true,
  descriptionZh: true,
  cooperationTypes: true,
  partnerTypes: true,
  trlMin: true,
  trlMax: true,
  deadline: true,
  status: true,
  publishedAt: true,
  theme: { select: { slug: true } },
} satisfies Prisma.OpportunitySelect;

type OpportunityRow = Prisma.OpportunityGetPayload<{ select: typeof opportunitySelect }>;

function toApiOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    slug: row.slug,
    title: row.titleEn,
    titleZh: row.titleZh,
    description: row.descriptionEn,
    descriptionZh: row.descriptionZh,
    theme: row.theme.slug,
    cooperationTypes: row.cooperationTypes,
    partnerTypes: row.partnerTypes,
    trlMin: row.trlMin,
    trlMax: row.trlMax,
    // A DATE column comes back as midnight UTC.
    deadline: row.deadline ? row.deadline.toISOString().slice(0, 10) : null,
    status: row.status as Opportunity["status"],
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  };
}

/** Published and closed opportunities of the city (never drafts), newest first, one page. */
export async function listApiOpportunities(
  query: z.output<typeof opportunityListQuerySchema>,
  citySlug: string = env().CITY_SLUG,
): Promise<z.output<typeof opportunityListSchema>> {
  const where: Prisma.OpportunityWhereInput = {
    status: query.status ? query.status : { in: [...API_OPPORTUNITY_STATUSES] },
    theme: { city: { slug: citySlug }, ...(query.theme ? { slug: query.theme } : {}) },
  };
  const [total, rows] = await Promise.all([
    db.opportunity.count({ where }),
    db.opportunity.findMany({
      where,
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      skip: query.offset,
      take: query.limit,
      select: opportunitySelect,
    }),
  ]);
  return { data: rows.map(toApiOpportunity), total };
}

export type ApiTarget = { kind: MatchTargetKind; id: string };

/** A theme of the city by slug, as a ranking target; null when there is none. */
export async function findThemeTarget(
  slug: string,
  citySlug: string = env().CITY_SLUG,
): Promise<ApiTarget | null> {
  const theme = await db.theme.findFirst({
    where: { slug, city: { slug: citySlug } },
    select: { id: true },
  });
  return theme ? { kind: "THEME", id: theme.id } : null;
}

/** A published or closed opportunity of the city, as a ranking target; null otherwise. */
export async function findOpportunityTarget(
  id: string,
  citySlug: string = env().CITY_SLUG,
): Promise<ApiTarget | null> {
  const opportunity = await db.opportunity.findFirst({
    where: {
      id,
      status: { in: [...API_OPPORTUNITY_STATUSES] },
      theme: { city: { slug: citySlug } },
    },
    select: { id: true },
  });
  return opportunity ? { kind: "OPPORTUNITY", id: opportunity.id } : null;
}

/**
 * One page of the organisations officials may see that match a target,
 * best first; equal scores in organisation id order so that pages neither
 * repeat nor skip. Served by the index MatchScore(targetKind, targetId, score DESC).
 */
export async function listApiMatches(
  target: ApiTarget,
  page: { limit: number; offset: number },
): Promise<z.output<typeof matchListSchema>> {
  const where = {
    targetKind: target.kind,
    targetId: target.id,
    organisation: visibleToOfficials,
  } satisfies Prisma.MatchScoreWhereInput;
  const [[counted], rows] = await Promise.all([
    // In SQL: the visible organisations as one hashed set (the partial index
    // "Organisation_visible_idx"), not one lookup per score (docs/performance.md).
    db.$queryRaw<[{ total: number }]>`
      SELECT count(*)::int AS total
      FROM "MatchScore" ms JOIN "Organisation" o ON o.id = ms."organisationId"
      WHERE ms."targetKind" = ${target.kind}::"MatchTargetKind" AND ms."targetId" = ${target.id}
        AND ${VISIBLE_SQL}`,
    db.matchScore.findMany({
      where,
      orderBy: [{ score: "desc" }, { organisationId: "asc" }],
      skip: page.offset,
      take: page.limit,
      select: {
        score: true,
        explanation: true,
        organisation: {
          select: { id: true, externalRef: true, name: true, country: true, type: true },
        },
      },
    }),
  ]);
  return {
    data: rows.map(({ score, explanation, organisation }) => ({
      organisation: { ...organisation, country: organisation.country.trim() },
      score,
      // The readable form of the stored explanation (score.ts MatchResult minus the score).
      explanation: parseExplanation(explanation),
    })),
    total: counted.total,
  };
}

/** The API tokens page: the caller's own tokens, and for an admin everyone's. */
export async function listTokensForPage(caller: { userId: string; role: string }) {
  const [own, all] = await Promise.all([
    listApiTokens(db, { userId: caller.userId }),
    caller.role === "ADMIN" ? listApiTokens(db, { all: true }) : Promise.resolve(null),
  ]);
  return { own, all };
}

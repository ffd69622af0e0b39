import "server-only";
// What officials read of the expressions of interest: the review queue (one
// page of rows with one count), the same rows in batches for the CSV export,
// the options of the queue's filters, and one expression with everything the
// detail page shows. Every query takes the caller and refuses anyone but an
// official or an admin; the filter is built once (reviewFrom) and shared by
// the queue, the export and the dashboard (dashboard-queries.ts).
import { cache } from "react";
import type { Caller } from "@/lib/auth/gate";
import { getCityProfile } from "@/lib/cities/queries";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  CooperationType,
  DeclineReason,
  InterestStatus,
  OrganisationType,
} from "@/lib/generated/prisma/enums";
import { isOfficialRole } from "@/lib/matching/official-schema";
import { containsPattern, getThemeNames } from "@/lib/matching/queries";
import { countriesWhere } from "@/lib/organisations/country-sql";
import { loadInterestHistory } from "./queries";
import {
  hasHan,
  REVIEW_TIME_ZONE,
  type ReviewFilter,
  type ReviewState,
  statusesOf,
} from "./review-schema";

/** Who reads: only the fields the queries need. */
export type ReviewCaller = Pick<Caller, "userId" | "role">;

export type ReviewOptions = { citySlug?: string };

function assertOfficial(caller: ReviewCaller) {
  if (!isOfficialRole(caller.role)) throw new AppError("FORBIDDEN", `role ${caller.role}`);
}

// Every expression has its organisation (a required foreign key), so the
// LEFT JOIN gives the same rows as a JOIN; but PostgreSQL can drop a LEFT
// JOIN that nothing reads, so a count (or a page of ids) without organisation
// filters does not read the 50,000 organisations (docs/performance.md,
// "Query plans").
const REVIEW_JOINS = Prisma.sql`
    FROM "ExpressionOfInterest" e
    LEFT JOIN "Organisation" o ON o.id = e."organisationId"
    JOIN "Theme" t ON t.id = e."themeId"
    JOIN "City" c ON c.id = t."cityId"
    LEFT JOIN "Opportunity" op ON op.id = e."opportunityId"
    LEFT JOIN "User" a ON a.id = e."assigneeId"`;

/**
 * FROM … WHERE … of the expressions a filter selects, in the city's themes.
 * Aliases: e expression, o organisation, t theme, c city, op opportunity
 * (may be null), a the assignee. The score is the expression's copy of its
 * stored match score (e."matchScore": the organisation's for the
 * opportunity, or for the theme when the expression names no opportunity),
 * kept by the database (decision 008), so filtering and sorting by it read no
 * other table.
 */
export function reviewFrom(
  caller: ReviewCaller,
  filter: Partial<ReviewFilter>,
  { citySlug = env().CITY_SLUG }: ReviewOptions = {},
): Prisma.Sql {
  assertOfficial(caller);
  const conditions: Prisma.Sql[] = [Prisma.sql`c.slug = ${citySlug}`];
  const statuses = statusesOf(filter.status);
  if (statuses) conditions.push(Prisma.sql`e.status = ANY(${statuses}::"InterestStatus"[])`);
  if (filter.theme) conditions.push(Prisma.sql`t.slug = ${filter.theme}`);
  if (filter.opportunity) conditions.push(Prisma.sql`op.slug = ${filter.opportunity}`);
  if (filter.country) conditions.push(Prisma.sql`o.country = ${filter.country}`);
  if (filter.type) conditions.push(Prisma.sql`o.type = ${filter.type}::"OrganisationType"`);
  if (filter.min !== undefined) conditions.push(Prisma.sql`e."matchScore" >= ${filter.min}`);
  if (filter.max !== undefined) conditions.push(Prisma.sql`e."matchScore" <= ${filter.max}`);
  if (filter.assignee === "none") conditions.push(Prisma.sql`e."assigneeId" IS NULL`);
  else if (filter.assignee === "me") conditions.push(Prisma.sql`e."assigneeId" = ${caller.userId}`);
  else if (filter.assignee) conditions.push(Prisma.sql`e."assigneeId" = ${filter.assignee}`);
  // Dates are the city's days: from its first moment to the end of `to`.
  if (filter.from)
    conditions.push(
      Prisma.sql`e."createdAt" >= (${filter.from}::date::timestamp AT TIME ZONE ${REVIEW_TIME_ZONE})`,
    );
  if (filter.to)
    conditions.push(
      Prisma.sql`e."createdAt" < ((${filter.to}::date + 1)::timestamp AT TIME ZONE ${REVIEW_TIME_ZONE})`,
    );
  if (filter.q) {
    if (hasHan(filter.q)) {
      // The 'english' text-search configuration of both search vectors does not
      // split Chinese into words (a run of Han characters becomes one token),
      // so a query with Han characters is matched as a substring instead.
      const pattern = containsPattern(filter.q);
      conditions.push(Prisma.sql`(e.motivation ILIKE ${pattern} OR e.contribution ILIKE ${pattern}
        OR o.name ILIKE ${pattern})`);
    } else {
      // Stemmed full-text search over the expression and the organisation.
      // The organisations that match are one set, read once through their GIN
      // index (a hashed subplan): an OR on the joined organisation's vector
      // read every organisation and every expression for the count.
      const query = Prisma.sql`websearch_to_tsquery('english', ${filter.q})`;
      conditions.push(Prisma.sql`(e."searchVector" @@ ${query}
        OR e."organisationId" IN (
          SELECT so.id FROM "Organisation" so WHERE so."searchVector" @@ ${query}))`);
    }
  }
  return Prisma.sql`${REVIEW_JOINS} WHERE ${Prisma.join(conditions, " AND ")}`;
}

/**
 * Seconds an expression waited for its first review: until an official first
 * moved it, or until now while it is still SUBMITTED; null when it left
 * SUBMITTED without a review (withdrawn).
 */
const WAITED = Prisma.sql`(CASE
    WHEN e."firstReviewedAt" IS NOT NULL THEN extract(epoch FROM e."firstReviewedAt" - e."createdAt")
    WHEN e.status = 'SUBMITTED' THEN extract(epoch FROM now() - e."createdAt")
  END)::float8`;

function orderBy(filter: Pick<ReviewFilter, "sort" | "dir">): Prisma.Sql {
  const dir = Prisma.raw(filter.dir === "asc" ? "ASC" : "DESC");
  // Every order ends with the id, so that pages and export batches never overlap.
  switch (filter.sort) {
    case "waited":
      return Prisma.sql`waited ${dir} NULLS LAST, e."createdAt" ASC, e.id ASC`;
    case "score":
      return Prisma.sql`e."matchScore" ${dir} NULLS LAST, e."createdAt" DESC, e.id ASC`;
    case "organisation":
      return Prisma.sql`lower(o.name) ${dir}, e."createdAt" DESC, e.id ASC`;
    case "status":
      return Prisma.sql`e.status ${dir}, e."createdAt" DESC, e.id ASC`;
    default:
      return Prisma.sql`e."createdAt" ${dir}, e.id ${dir}`;
  }
}

export type ReviewRow = {
  id: string;
  status: InterestStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  firstReviewedAt: Date | null;
  decidedAt: Date | null;
  /** Seconds waited for the first review (see WAITED); null when never reviewed and not waiting. */
  waited: number | null;
  cooperationType: CooperationType;
  motivation: string;
  organisationId: string;
  organisationName: string;
  country: string;
  organisationType: OrganisationType;
  themeSlug: string;
  themeNameEn: string;
  themeNameZh: string;
  opportunitySlug: string | null;
  opportunityTitleEn: string | null;
  opportunityTitleZh: string | null;
  score: number | null;
  assigneeId: string | null;
  assigneeName: string | null;
};

export type ReviewExportRow = ReviewRow & {
  contribution: string;
  timeline: string;
  declineReason: DeclineReason | null;
  assigneeEmail: string | null;
};

async function selectRows<T extends ReviewRow>(
  from: Prisma.Sql,
  filter: Pick<ReviewFilter, "sort" | "dir">,
  limit: number,
  offset: number,
  full: boolean,
): Promise<T[]> {
  // The queue shows the start of the motivation; the export carries every text in full.
  const texts = full
    ? Prisma.sql`e.motivation, e.contribution, e.timeline, e."declineReason", a.email AS "assigneeEmail"`
    : Prisma.sql`left(e.motivation, 280) AS motivation`;
  // The page's ids first, sorted on narrow rows (a bounded top-N sort, no
  // joins nothing filters on), then the columns of those rows only: sorting
  // the full rows of 6,000 submitted expressions cost 15-30 ms and a parallel
  // worker per view (docs/performance.md, "Query plans").
  const rows = await db.$queryRaw<T[]>`
    SELECT e.id, e.status, e.version, e."createdAt", e."updatedAt", e."firstReviewedAt",
      e."decidedAt", ${WAITED} AS waited, e."cooperationType", ${texts},
      o.id AS "organisationId", o.name AS "organisationName", trim(o.country) AS country,
      o.type AS "organisationType",
      t.slug AS "themeSlug", t."nameEn" AS "themeNameEn", t."nameZh" AS "themeNameZh",
      op.slug AS "opportunitySlug", op."titleEn" AS "opportunityTitleEn",
      op."titleZh" AS "opportunityTitleZh",
      e."matchScore"::int AS score, a.id AS "assigneeId", a.name AS "assigneeName"
    ${REVIEW_JOINS}
    JOIN (
      SELECT e.id AS "pageId", ${WAITED} AS waited
      ${from}
      ORDER BY ${orderBy(filter)}
      LIMIT ${limit} OFFSET ${offset}
    ) page ON page."pageId" = e.id
    ORDER BY ${orderBy(filter)}`;
  return rows;
}

export type ReviewPage = {
  rows: ReviewRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
};

/**
 * One page of the queue: the filtered, sorted rows with their organisation,
 * theme, opportunity, score and assignee (one query), and the total (one
 * count). A page past the end shows the last one.
 */
export async function listReviewQueue(
  caller: ReviewCaller,
  state: ReviewState,
  options: ReviewOptions = {},
): Promise<ReviewPage> {
  const from = reviewFrom(caller, state, options);
  const [{ total }] = await db.$queryRaw<
    [{ total: number }]
  >`SELECT count(*)::int AS total ${from}`;
  const pages = Math.max(1, Math.ceil(total / state.size));
  const page = Math.min(state.page, pages);
  if (total === 0) return { rows: [], total, page, pages, pageSize: state.size };
  const rows = await selectRows<ReviewRow>(from, state, state.size, (page - 1) * state.size, false);
  return { rows, total, page, pages, pageSize: state.size };
}

export const EXPORT_BATCH_SIZE = 1000;

/**
 * Every row of the filtered view, in the queue's order, in batches of
 * `batchSize`: an export of 20,000 rows never holds them all at once. The
 * caller is checked at once, before the first batch is read.
 */
export function exportReviewRows(
  caller: ReviewCaller,
  filter: ReviewFilter,
  { batchSize = EXPORT_BATCH_SIZE, ...options }: ReviewOptions & { batchSize?: number } = {},
): AsyncGenerator<ReviewExportRow[]> {
  const from = reviewFrom(caller, filter, options);
  return (async function* () {
    for (let offset = 0; ; offset += batchSize) {
      const rows = await selectRows<ReviewExportRow>(from, filter, batchSize, offset, true);
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) return;
    }
  })();
}

/** The choices of the queue's filters: the city's themes and opportunities, countries, officials. */
export const getReviewFilterOptions = cache(
  async (caller: ReviewCaller, { citySlug = env().CITY_SLUG }: ReviewOptions = {}) => {
    assertOfficial(caller);
    const [themes, opportunities, countries, officials] = await Promise.all([
      db.theme.findMany({
        where: { city: { slug: citySlug } },
        orderBy: [{ area: { order: "asc" } }, { order: "asc" }],
        select: { id: true, slug: true, nameEn: true, nameZh: true },
      }),
      db.opportunity.findMany({
        where: { theme: { city: { slug: citySlug } }, status: { not: "DRAFT" } },
        orderBy: [{ titleEn: "asc" }],
        select: { id: true, slug: true, titleEn: true, titleZh: true },
      }),
      // The countries of organisations with an expression in the city.
      db.$queryRaw<Array<{ country: string }>>(
        countriesWhere(
          Prisma.sql`FROM "Organisation" o
            JOIN "ExpressionOfInterest" e ON e."organisationId" = o.id
            JOIN "Theme" t ON t.id = e."themeId"
            JOIN "City" c ON c.id = t."cityId"`,
          Prisma.sql`c.slug = ${citySlug}`,
        ),
      ),
      listAssignableOfficials(caller),
    ]);
    return { themes, opportunities, countries: countries.map((c) => c.country), officials };
  },
);

/** Active officials and admins: who an expression can be assigned to. */
export async function listAssignableOfficials(caller: ReviewCaller) {
  assertOfficial(caller);
  return db.user.findMany({
    where: { role: { in: ["OFFICIAL", "ADMIN"] }, status: "ACTIVE" },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true },
  });
}

/**
 * One expression for the detail page: its texts, the organisation's full
 * profile (the shape of OrganisationProfile), theme, opportunity, assignee,
 * internal notes and the stored match score with its explanation. Null when
 * it does not exist or is not in the city's themes. Cached for the request:
 * the page's metadata (its title) and the page itself read it once.
 */
export const getReviewInterest = cache(async function getReviewInterest(
  caller: ReviewCaller,
  id: string,
  { citySlug = env().CITY_SLUG }: ReviewOptions = {},
) {
  assertOfficial(caller);
  const interest = await db.expressionOfInterest.findFirst({
    where: { id, theme: { city: { slug: citySlug } } },
    select: {
      id: true,
      status: true,
      version: true,
      motivation: true,
      contribution: true,
      timeline: true,
      cooperationType: true,
      declineReason: true,
      declineMessage: true,
      createdAt: true,
      updatedAt: true,
      firstReviewedAt: true,
      decidedAt: true,
      opportunityId: true,
      themeId: true,
      theme: { select: { id: true, slug: true, nameEn: true, nameZh: true } },
      opportunity: {
        select: { id: true, slug: true, titleEn: true, titleZh: true, status: true },
      },
      assignee: { select: { id: true, name: true } },
      contactUser: { select: { id: true, name: true, email: true } },
      submittedBy: { select: { id: true, name: true, email: true } },
      notes: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          body: true,
          createdAt: true,
          author: { select: { id: true, name: true } },
        },
      },
      organisation: {
        select: {
          id: true,
          name: true,
          type: true,
          country: true,
          city: true,
          website: true,
          sizeBand: true,
          description: true,
          keywords: true,
          trlMin: true,
          trlMax: true,
          cooperationTypes: true,
          partnerTypes: true,
          languages: true,
          onboardingStep: true,
          consentedAt: true,
          lastConfirmedAt: true,
          themes: {
            select: {
              theme: {
                select: {
                  id: true,
                  slug: true,
                  nameEn: true,
                  nameZh: true,
                  order: true,
                  area: { select: { order: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!interest) return null;
  const match = await db.matchScore.findUnique({
    where: {
      organisationId_targetKind_targetId: {
        organisationId: interest.organisation.id,
        targetKind: interest.opportunityId ? "OPPORTUNITY" : "THEME",
        targetId: interest.opportunityId ?? interest.themeId,
      },
    },
    select: { score: true, explanation: true, computedAt: true },
  });
  return { ...interest, match };
});

export type ReviewInterest = NonNullable<Awaited<ReturnType<typeof getReviewInterest>>>;

/**
 * Everything the officials' detail page of one expression reads: the
 * expression (getReviewInterest), its full history, the officials it can be
 * assigned to, the theme names and the city. Null when there is no such
 * expression in the city's themes.
 */
export async function loadReviewInterestPage(caller: ReviewCaller, id: string) {
  const interest = await getReviewInterest(caller, id);
  if (!interest) return null;
  const [history, officials, themeNames, city] = await Promise.all([
    loadInterestHistory(interest.id, "official"),
    listAssignableOfficials(caller),
    getThemeNames(),
    getCityProfile(),
  ]);
  return { interest, history, officials, themeNames, city };
}

import "server-only";
// The officials' dashboard: expressions of interest counted by status, theme,
// country, organisation type and week; the median wait for a first review;
// the acceptance rate (accepted / decided) per theme. Every figure is a
// GROUP BY in PostgreSQL over the same filtered set as the review queue
// (reviewFrom), never a loop over rows in JavaScript.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InterestStatus, OrganisationType } from "@/lib/generated/prisma/enums";
import { type ReviewCaller, type ReviewOptions, reviewFrom } from "./review-queries";
import { REVIEW_TIME_ZONE, type ReviewFilter } from "./review-schema";
import { OPEN_STATUSES } from "./state";

type Count = { count: number };
export type ThemeFigures = {
  slug: string;
  nameEn: string;
  nameZh: string;
  count: number;
  accepted: number;
  decided: number;
  /** accepted / decided; null before any decision. */
  acceptanceRate: number | null;
  /** Median seconds from submission to the first review; null before any review. */
  medianFirstReviewSeconds: number | null;
};

export type ReviewDashboard = {
  total: number;
  open: number;
  reviewed: number;
  accepted: number;
  decided: number;
  acceptanceRate: number | null;
  medianFirstReviewSeconds: number | null;
  byStatus: Array<{ status: InterestStatus } & Count>;
  byTheme: ThemeFigures[];
  byCountry: Array<{ country: string } & Count>;
  byType: Array<{ type: OrganisationType } & Count>;
  /** Monday of each week (YYYY-MM-DD, Hohhot time), from the first to the last, gaps as 0. */
  perWeek: Array<{ week: string } & Count>;
};

const FIRST_REVIEW = Prisma.sql`extract(epoch FROM e."firstReviewedAt" - e."createdAt")`;
const MEDIAN = Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${FIRST_REVIEW})
  FILTER (WHERE e."firstReviewedAt" IS NOT NULL)`;
const ACCEPTED = Prisma.sql`count(*) FILTER (WHERE e.status = 'ACCEPTED')::int`;
const DECIDED = Prisma.sql`count(*) FILTER (WHERE e.status IN ('ACCEPTED', 'DECLINED'))::int`;

const rate = (accepted: number, decided: number) => (decided > 0 ? accepted / decided : null);

/** Mondays from the first week to the last, with the weeks nobody submitted in as 0. */
function fillWeeks(rows: Array<{ week: string } & Count>): Array<{ week: string } & Count> {
  if (rows.length === 0) return [];
  const counts = new Map(rows.map((r) => [r.week, r.count]));
  const out: Array<{ week: string } & Count> = [];
  const last = rows[rows.length - 1]!.week;
  for (
    let day = new Date(`${rows[0]!.week}T00:00:00Z`);
    ;
    day = new Date(day.getTime() + 7 * 86_400_000)
  ) {
    const week = day.toISOString().slice(0, 10);
    out.push({ week, count: counts.get(week) ?? 0 });
    if (week >= last || out.length > 520) break;
  }
  return out;
}

export async function getReviewDashboard(
  caller: ReviewCaller,
  filter: Partial<ReviewFilter>,
  options: ReviewOptions = {},
): Promise<ReviewDashboard> {
  const from = reviewFrom(caller, filter, options);
  const [summary, byStatus, byTheme, byCountry, byType, perWeek] = await Promise.all([
    db.$queryRaw<
      [
        {
          total: number;
          open: number;
          reviewed: number;
          accepted: number;
          decided: number;
          median: number | null;
        },
      ]
    >`SELECT count(*)::int AS total,
        count(*) FILTER (WHERE e.status = ANY(${[...OPEN_STATUSES]}::"InterestStatus"[]))::int AS open,
        count(e."firstReviewedAt")::int AS reviewed,
        ${ACCEPTED} AS accepted, ${DECIDED} AS decided,
        (${MEDIAN})::float8 AS median
      ${from}`,
    db.$queryRaw<Array<{ status: InterestStatus } & Count>>`
      SELECT e.status, count(*)::int AS count ${from}
      GROUP BY e.status ORDER BY e.status`,
    db.$queryRaw<
      Array<
        Omit<ThemeFigures, "acceptanceRate" | "medianFirstReviewSeconds"> & {
          median: number | null;
        }
      >
    >`
      SELECT t.slug, t."nameEn", t."nameZh", count(*)::int AS count,
        ${ACCEPTED} AS accepted, ${DECIDED} AS decided, (${MEDIAN})::float8 AS median
      ${from}
      GROUP BY t.id, t.slug, t."nameEn", t."nameZh", t."order"
      ORDER BY count(*) DESC, t."order", t.slug`,
    db.$queryRaw<Array<{ country: string } & Count>>`
      SELECT trim(o.country) AS country, count(*)::int AS count ${from}
      GROUP BY o.country ORDER BY count(*) DESC, o.country`,
    db.$queryRaw<Array<{ type: OrganisationType } & Count>>`
      SELECT o.type, count(*)::int AS count ${from}
      GROUP BY o.type ORDER BY count(*) DESC, o.type`,
    db.$queryRaw<Array<{ week: string } & Count>>`
      SELECT to_char(date_trunc('week', e."createdAt" AT TIME ZONE ${REVIEW_TIME_ZONE}), 'YYYY-MM-DD') AS week,
        count(*)::int AS count
      ${from}
      GROUP BY 1 ORDER BY 1`,
  ]);
  const s = summary[0];
  return {
    total: s.total,
    open: s.open,
    reviewed: s.reviewed,
    accepted: s.accepted,
    decided: s.decided,
    acceptanceRate: rate(s.accepted, s.decided),
    medianFirstReviewSeconds: s.median,
    byStatus,
    byTheme: byTheme.map(({ median, ...theme }) => ({
      ...theme,
      acceptanceRate: rate(theme.accepted, theme.decided),
      medianFirstReviewSeconds: median,
    })),
    byCountry,
    byType,
    perWeek: fillWeeks(perWeek),
  };
}

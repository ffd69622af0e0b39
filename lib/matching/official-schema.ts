// What officials' ranked partner lists keep in the address
// (?country=DE&type=UNIVERSITY&min=50&coop=JOINT_RD&page=2), and the
// thresholds of the coverage view. Isomorphic: no Prisma import.
import { z } from "zod";
import { COOPERATION_TYPES, ORGANISATION_TYPES } from "@/lib/organisations/schema";
import { SCORE_FLOOR } from "./score";

/** Who may see the officials' pages. */
export const OFFICIAL_ROLES = ["OFFICIAL", "ADMIN"] as const;

export function isOfficialRole(role: string): boolean {
  return (OFFICIAL_ROLES as readonly string[]).includes(role);
}

export const RANKED_PAGE_SIZE = 20;

/** The lowest and highest minimum score an official can ask for. */
export const MIN_SCORE = { min: SCORE_FLOOR, max: 100 } as const;

/** A good match: counted in the coverage view. */
export const GOOD_SCORE = 50;
/** A strong match: what the coverage view's warning is about. */
export const STRONG_SCORE = 70;
/** Fewer strong matches than this and a theme or opportunity is flagged "few partners". */
export const FEW_PARTNERS_BELOW = 5;

/** Whether a theme or an opportunity has too few strong partners. */
export function hasFewPartners(strongCount: number): boolean {
  return strongCount < FEW_PARTNERS_BELOW;
}

/**
 * The ranked list's query parameters. Not strict: a link may carry other
 * parameters; a value that does not parse falls back to its default (no
 * filter, first page). Countries are any two-letter code, since imported
 * organisations may come from outside the registration list.
 */
export const rankedFilterSchema = z.object({
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional()
    .catch(undefined),
  type: z.enum(ORGANISATION_TYPES).optional().catch(undefined),
  min: z.coerce.number().int().min(MIN_SCORE.min).max(MIN_SCORE.max).optional().catch(undefined),
  coop: z.enum(COOPERATION_TYPES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type RankedFilter = z.output<typeof rankedFilterSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

/** Reads the filter from a page's searchParams (the first value of a repeated parameter). */
export function parseRankedFilter(params: SearchParams): RankedFilter {
  const first = (v: string | string[] | undefined) => {
    const value = Array.isArray(v) ? v[0] : v;
    // An empty field of the filter form means "any".
    return value === "" ? undefined : value;
  };
  const filter = rankedFilterSchema.parse({
    country: first(params.country),
    type: first(params.type),
    min: first(params.min),
    coop: first(params.coop),
    page: first(params.page),
  });
  // The floor is the same as no minimum.
  if (filter.min === MIN_SCORE.min) filter.min = undefined;
  if (filter.page === 1) filter.page = undefined;
  return filter;
}

/** Whether any filter (not the page) is set. */
export function isFiltered(filter: RankedFilter): boolean {
  return Boolean(filter.country || filter.type || filter.min || filter.coop);
}

/** The query string of a filter on a given page, in a stable order; "" when empty. */
export function rankedFilterQuery(filter: RankedFilter, page = 1): string {
  const query = new URLSearchParams();
  if (filter.country) query.set("country", filter.country);
  if (filter.type) query.set("type", filter.type);
  if (filter.min && filter.min > MIN_SCORE.min) query.set("min", String(filter.min));
  if (filter.coop) query.set("coop", filter.coop);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `?${search}` : "";
}

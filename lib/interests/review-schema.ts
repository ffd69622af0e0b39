// The one parser of the officials' review queue state, for the queue page,
// the CSV export (app/api/official/interests/export) and the dashboard, so
// that they can never disagree on what a filter means. The state's constants,
// type and address writer are in ./review-state.ts, re-exported here (the
// client components import that module only, so zod stays off the page).
// Isomorphic (no Prisma runtime import). Parsing never fails: a value that
// does not parse falls back to its default (no filter).
import { z } from "zod";
import { ORGANISATION_TYPES } from "@/lib/organisations/schema";
import {
  type AssigneeFilter,
  DEFAULT_REVIEW_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_DEFAULT_DIRECTION,
  REVIEW_PAGE_SIZES,
  REVIEW_SEARCH_MAX,
  REVIEW_SORTS,
  REVIEW_STATUS_FILTERS,
  type ReviewColumn,
  type ReviewPageSize,
  type ReviewState,
  type ReviewStatusFilter,
} from "./review-state";

export * from "./review-state";

const first = (v: unknown) => {
  const value = Array.isArray(v) ? v[0] : v;
  // An empty field of the filter form means "any".
  return value === "" ? undefined : value;
};

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(first, schema.optional()).catch(undefined);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const date = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
  });

const score = z.coerce.number().int().min(0).max(100);

const columnsSchema = z.preprocess(
  first,
  z
    .string()
    .optional()
    .transform((s): ReviewColumn[] | undefined => {
      if (s === undefined) return undefined;
      const wanted = new Set(s.split(","));
      // In the canonical order, unknown names dropped; "none" keeps all hidden.
      return REVIEW_COLUMNS.filter((c) => wanted.has(c));
    }),
);

export const reviewStateSchema = z
  .object({
    status: optional(z.enum(REVIEW_STATUS_FILTERS)),
    theme: optional(z.string().regex(/^[a-z0-9-]{1,80}$/)),
    opportunity: optional(z.string().regex(/^[a-z0-9-]{1,120}$/)),
    country: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/)
        .transform((s) => s.toUpperCase()),
    ),
    type: optional(z.enum(ORGANISATION_TYPES)),
    min: optional(score),
    max: optional(score),
    assignee: optional(z.union([z.enum(["me", "none"]), z.string().regex(/^[a-z0-9]{20,40}$/)])),
    from: optional(isoDate),
    to: optional(isoDate),
    q: z
      .preprocess(
        first,
        z
          .string()
          .optional()
          .transform(
            (s) => s?.replace(/\s+/g, " ").trim().slice(0, REVIEW_SEARCH_MAX) || undefined,
          ),
      )
      .catch(undefined),
    sort: z.preprocess(first, z.enum(REVIEW_SORTS)).catch("created"),
    dir: optional(z.enum(["asc", "desc"])),
    page: optional(z.coerce.number().int().min(1).max(100_000)),
    size: optional(
      z.coerce
        .number()
        .int()
        .refine((n): n is ReviewPageSize => (REVIEW_PAGE_SIZES as readonly number[]).includes(n)),
    ),
    cols: columnsSchema.catch(undefined),
  })
  .transform((s): ReviewState => {
    // A range given the wrong way round means the same range.
    const [min, max] =
      s.min !== undefined && s.max !== undefined && s.min > s.max ? [s.max, s.min] : [s.min, s.max];
    const [from, to] = s.from && s.to && s.from > s.to ? [s.to, s.from] : [s.from, s.to];
    return {
      status: s.status as ReviewStatusFilter | undefined,
      theme: s.theme,
      opportunity: s.opportunity,
      country: s.country,
      type: s.type,
      // 0 and 100 are no bound at all.
      min: min === 0 ? undefined : min,
      max: max === 100 ? undefined : max,
      assignee: s.assignee as AssigneeFilter | undefined,
      from,
      to,
      q: s.q,
      sort: s.sort,
      dir: s.dir ?? REVIEW_DEFAULT_DIRECTION[s.sort],
      page: s.page ?? 1,
      size: (s.size ?? 25) as ReviewPageSize,
      columns: s.cols ?? [...DEFAULT_REVIEW_COLUMNS],
    };
  });

export const DEFAULT_REVIEW_STATE: ReviewState = reviewStateSchema.parse({});

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * Reads the queue's state from a page's searchParams or a URLSearchParams.
 * Unknown parameters are ignored; invalid values fall back to the defaults.
 */
export function parseReviewState(params: SearchParams): ReviewState {
  const record =
    params instanceof URLSearchParams
      ? Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)]))
      : params;
  return reviewStateSchema.parse(record);
}

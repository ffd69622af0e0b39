// The officials' review queue state, kept in the page's address so that a
// view can be bookmarked, shared and exported:
//   /zh/official/interests?status=SUBMITTED&theme=dairy&assignee=me&min=50
//     &from=2026-01-01&q=probiotic&sort=waited&dir=desc&size=50&page=2&cols=organisation,score
// One parser serves the queue page, the CSV export (app/api/official/interests/export)
// and the dashboard, so that they can never disagree on what a filter means.
// Isomorphic (no Prisma runtime import). Parsing never fails: a value that
// does not parse falls back to its default (no filter).
import { z } from "zod";
import type { InterestStatus } from "@/lib/generated/prisma/enums";
import { ORGANISATION_TYPES } from "@/lib/organisations/schema";
import { INTEREST_STATUSES, OPEN_STATUSES } from "./state";

/** Dates in filters and weeks on the dashboard are the city's days. */
export const REVIEW_TIME_ZONE = "Asia/Shanghai";

export const REVIEW_PAGE_SIZES = [25, 50, 100] as const;
export type ReviewPageSize = (typeof REVIEW_PAGE_SIZES)[number];

export const REVIEW_SORTS = ["created", "waited", "score", "organisation", "status"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** Newest first; longest wait first; best score first; names A to Z; workflow order. */
export const REVIEW_DEFAULT_DIRECTION: Record<ReviewSort, SortDirection> = {
  created: "desc",
  waited: "desc",
  score: "desc",
  organisation: "asc",
  status: "asc",
};

/** The columns an official can show or hide (the organisation and its text always show). */
export const REVIEW_COLUMNS = [
  "country",
  "type",
  "theme",
  "opportunity",
  "status",
  "score",
  "assignee",
  "created",
  "waited",
] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export const DEFAULT_REVIEW_COLUMNS: readonly ReviewColumn[] = [
  "country",
  "theme",
  "status",
  "score",
  "assignee",
  "created",
  "waited",
];

/** "open": any status before a decision or a withdrawal. */
export const REVIEW_STATUS_FILTERS = ["open", ...INTEREST_STATUSES] as const;
export type ReviewStatusFilter = (typeof REVIEW_STATUS_FILTERS)[number];

/** "me": assigned to the official looking; "none": nobody's yet. */
export type AssigneeFilter = "me" | "none" | string;

export const REVIEW_SEARCH_MAX = 100;

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
  .transform((s) => {
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

export type ReviewState = z.output<typeof reviewStateSchema>;

/** What narrows the rows (and orders them): the part the export and the dashboard use. */
export type ReviewFilter = Omit<ReviewState, "page" | "size" | "columns">;

export const DEFAULT_REVIEW_STATE: ReviewState = reviewStateSchema.parse({});

/** The filter keys, in the address's order. */
export const FILTER_KEYS = [
  "status",
  "theme",
  "opportunity",
  "country",
  "type",
  "min",
  "max",
  "assignee",
  "from",
  "to",
  "q",
] as const satisfies readonly (keyof ReviewFilter)[];

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

/** The filter (and sort) alone, for the export and the dashboard. */
export function reviewFilterOf(state: ReviewState): ReviewFilter {
  const { page: _page, size: _size, columns: _columns, ...filter } = state;
  return filter;
}

function sameColumns(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** The state as search parameters, defaults left out, in a stable order. */
export function reviewSearchParams(state: Partial<ReviewState>): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const sort = state.sort ?? "created";
  if (sort !== "created") query.set("sort", sort);
  if (state.dir && state.dir !== REVIEW_DEFAULT_DIRECTION[sort]) query.set("dir", state.dir);
  if (state.size && state.size !== 25) query.set("size", String(state.size));
  if (state.columns && !sameColumns(state.columns, DEFAULT_REVIEW_COLUMNS)) {
    query.set("cols", state.columns.length > 0 ? state.columns.join(",") : "none");
  }
  if (state.page && state.page > 1) query.set("page", String(state.page));
  return query;
}

/** Only the filters (no sort, page or columns): what links between queue and dashboard carry. */
export function reviewFilterQuery(state: Partial<ReviewFilter>): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value !== undefined && value !== "") query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `?${search}` : "";
}

/** Whether any filter or search narrows the rows. */
export function isReviewFiltered(state: Partial<ReviewFilter>): boolean {
  return FILTER_KEYS.some((key) => state[key] !== undefined);
}

/** Statuses a status filter stands for. */
export function statusesOf(filter: ReviewStatusFilter | undefined): InterestStatus[] | undefined {
  if (!filter) return undefined;
  if (filter === "open") return [...OPEN_STATUSES];
  return [filter];
}

/** Han characters: the english text-search configuration does not split these into words. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** An expression waiting longer than this for its first review is flagged as overdue. */
export const FIRST_REVIEW_TARGET_DAYS = 5;

/** A waiting time in whole days, or in hours below a day (at least one hour). */
export function waitedParts(seconds: number): { unit: "days" | "hours"; value: number } {
  const hours = seconds / 3600;
  if (hours >= 24) return { unit: "days", value: Math.floor(hours / 24) };
  return { unit: "hours", value: Math.max(1, Math.floor(hours)) };
}

export function isOverdue(seconds: number | null, status: string): boolean {
  return status === "SUBMITTED" && seconds !== null && seconds > FIRST_REVIEW_TARGET_DAYS * 86_400;
}

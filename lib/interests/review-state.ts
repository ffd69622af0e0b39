// The officials' review queue state, kept in the page's address so that a
// view can be bookmarked, shared and exported:
//   /zh/official/interests?status=SUBMITTED&theme=dairy&assignee=me&min=50
//     &from=2026-01-01&q=probiotic&sort=waited&dir=desc&size=50&page=2&cols=organisation,score
// Its constants, its type, how it is written back into an address and the
// small helpers around it, without zod: the queue's client components
// (components/interests/review-*.tsx) import this module only and get the
// state already parsed by the server. The one parser, shared by the queue
// page, the CSV export and the dashboard, is in ./review-schema.ts (which
// re-exports all of this).
import type { InterestStatus } from "@/lib/generated/prisma/enums";
import type { ORGANISATION_TYPES } from "@/lib/organisations/schema";
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

/** The queue's state, as parseReviewState (./review-schema.ts) returns it. */
export type ReviewState = {
  status: ReviewStatusFilter | undefined;
  theme: string | undefined;
  opportunity: string | undefined;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | undefined;
  type: (typeof ORGANISATION_TYPES)[number] | undefined;
  /** Score bounds, 1–99 (0 and 100 are no bound). */
  min: number | undefined;
  max: number | undefined;
  assignee: AssigneeFilter | undefined;
  /** The city's days, YYYY-MM-DD, from <= to. */
  from: string | undefined;
  to: string | undefined;
  q: string | undefined;
  sort: ReviewSort;
  dir: SortDirection;
  page: number;
  size: ReviewPageSize;
  columns: ReviewColumn[];
};

/** What narrows the rows (and orders them): the part the export and the dashboard use. */
export type ReviewFilter = Omit<ReviewState, "page" | "size" | "columns">;

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

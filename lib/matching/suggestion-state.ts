// The state of the partner's "Suggested opportunities" table, kept in the
// page's URL so that a view can be bookmarked and shared:
//   /en/matches?sort=score&dir=desc&theme=dairy&coop=JOINT_RD&deadline=90&q=probiotic&page=2
// Its constants, its type and how it is written back into a URL, without
// zod: the client table (components/matching/suggestions-table.tsx) imports
// this module only and gets the state already parsed by the server. The
// parser is in ./schema.ts (which re-exports all of this).
import type { COOPERATION_TYPES } from "@/lib/organisations/schema";

export const SUGGESTIONS_PAGE_SIZE = 10;

export const SUGGESTION_SORTS = ["score", "deadline", "title"] as const;
export type SuggestionSort = (typeof SUGGESTION_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** Best score first; soonest deadline first; titles A to Z. */
export const DEFAULT_DIRECTION: Record<SuggestionSort, SortDirection> = {
  score: "desc",
  deadline: "asc",
  title: "asc",
};

/** "Closes within N days"; no value means any deadline (or none). */
export const DEADLINE_WINDOWS = [30, 90] as const;
export type DeadlineWindow = (typeof DEADLINE_WINDOWS)[number];

export const SEARCH_MAX = 100;

/** The table's state, as parseSuggestionState (./schema.ts) returns it. */
export type SuggestionState = {
  sort: SuggestionSort;
  dir: SortDirection;
  theme: string | undefined;
  coop: (typeof COOPERATION_TYPES)[number] | undefined;
  deadline: DeadlineWindow | undefined;
  q: string | undefined;
  page: number;
};

/** The state as search parameters, defaults left out, in a stable order. */
export function suggestionSearchParams(state: Partial<SuggestionState>): URLSearchParams {
  const sort = state.sort ?? "score";
  const query = new URLSearchParams();
  if (sort !== "score") query.set("sort", sort);
  if (state.dir && state.dir !== DEFAULT_DIRECTION[sort]) query.set("dir", state.dir);
  if (state.theme) query.set("theme", state.theme);
  if (state.coop) query.set("coop", state.coop);
  if (state.deadline) query.set("deadline", String(state.deadline));
  if (state.q) query.set("q", state.q);
  if (state.page && state.page > 1) query.set("page", String(state.page));
  return query;
}

/** Whether any filter or search narrows the list. */
export function isFiltered(state: SuggestionState): boolean {
  return Boolean(state.theme || state.coop || state.deadline || state.q);
}

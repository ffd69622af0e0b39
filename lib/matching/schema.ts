// The state of the partner's "Suggested opportunities" table, kept in the
// page's URL so that a view can be bookmarked and shared:
//   /en/matches?sort=score&dir=desc&theme=dairy&coop=JOINT_RD&deadline=90&q=probiotic&page=2
// Isomorphic (the client table writes it, the server page reads it). Parsing
// never fails: each value that does not parse falls back to its default.
import { z } from "zod";
import { COOPERATION_TYPES } from "@/lib/organisations/schema";

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

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const suggestionStateSchema = z
  .object({
    sort: z.preprocess(first, z.enum(SUGGESTION_SORTS)).catch("score"),
    dir: z.preprocess(first, z.enum(["asc", "desc"]).optional()).catch(undefined),
    theme: z
      .preprocess(
        first,
        z
          .string()
          .regex(/^[a-z0-9-]{1,80}$/)
          .optional(),
      )
      .catch(undefined),
    coop: z.preprocess(first, z.enum(COOPERATION_TYPES).optional()).catch(undefined),
    deadline: z
      .preprocess(
        first,
        z
          .enum(DEADLINE_WINDOWS.map(String) as ["30", "90"])
          .transform((d) => Number(d) as DeadlineWindow)
          .optional(),
      )
      .catch(undefined),
    q: z
      .preprocess(
        first,
        z
          .string()
          .optional()
          .transform((s) => s?.replace(/\s+/g, " ").trim().slice(0, SEARCH_MAX) || undefined),
      )
      .catch(undefined),
    page: z
      .preprocess(first, z.coerce.number().int().min(1).max(10_000).optional())
      .catch(undefined),
  })
  .transform((s) => ({
    sort: s.sort,
    dir: s.dir ?? DEFAULT_DIRECTION[s.sort],
    theme: s.theme,
    coop: s.coop,
    deadline: s.deadline,
    q: s.q,
    page: s.page ?? 1,
  }));

export type SuggestionState = z.output<typeof suggestionStateSchema>;

export const DEFAULT_SUGGESTION_STATE: SuggestionState = suggestionStateSchema.parse({});

/**
 * Reads the table's state from a page's searchParams (or a URLSearchParams).
 * Unknown parameters are ignored; invalid values fall back to the defaults.
 */
export function parseSuggestionState(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): SuggestionState {
  const record =
    params instanceof URLSearchParams
      ? Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)]))
      : params;
  return suggestionStateSchema.parse(record);
}

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

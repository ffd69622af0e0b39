// The parser of the partner's "Suggested opportunities" table state (its
// constants, type and URL writer are in ./suggestion-state.ts, re-exported
// here; the client table imports that module only, so zod stays off the
// page). Parsing never fails: each value that does not parse falls back to
// its default.
import { z } from "zod";
import { COOPERATION_TYPES } from "@/lib/organisations/schema";
import {
  DEADLINE_WINDOWS,
  DEFAULT_DIRECTION,
  type DeadlineWindow,
  SEARCH_MAX,
  SUGGESTION_SORTS,
  type SuggestionState,
} from "./suggestion-state";

export * from "./suggestion-state";

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
  .transform(
    (s): SuggestionState => ({
      sort: s.sort,
      dir: s.dir ?? DEFAULT_DIRECTION[s.sort],
      theme: s.theme,
      coop: s.coop,
      deadline: s.deadline,
      q: s.q,
      page: s.page ?? 1,
    }),
  );

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

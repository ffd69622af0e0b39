// Reading a stored match explanation (MatchScore.explanation) for display:
// a tolerant parser, so that a malformed or older JSON never crashes a page,
// and the bilingual labels of the concepts it names. Shared by the partners'
// "Suggested for you" page and the officials' pages, through
// components/matching/match-explanation.tsx.
//
//   const explanation = parseExplanation(row.explanation); // never throws
//   conceptLabel("udder-health", "zh", themeNames);          // "奶牛乳房健康"
//   conceptLabel("theme:dairy", "en", themeNames);           // the theme's name
//
// Isomorphic (no Prisma, no "server-only"), but it imports the thesaurus, so
// keep it out of client components.
import { z } from "zod";
import type { Locale } from "@/lib/i18n/routing";
import { decodeExplanation } from "./explanation-codec";
import { type FactorKey, type NearMiss, SCORE_FLOOR } from "./score";
import { CONCEPTS } from "./thesaurus-data";

/** Theme slug -> the theme's name in both languages; see getThemeNames() in lib/matching/queries.ts. */
export type ThemeNames = ReadonlyMap<string, { en: string; zh: string }>;

export const FACTOR_KEYS = [
  "concepts",
  "text",
  "declaredTheme",
  "cooperation",
  "partnerType",
  "trl",
  "language",
  "freshness",
] as const satisfies readonly FactorKey[];

const THEME_PREFIX = "theme:";

let conceptLabels: Map<string, { en: string; zh: string }> | undefined;

/**
 * A concept's label in the given language: a thesaurus concept's labelEn or
 * labelZh, a "theme:<slug>" concept's theme name; an unknown id is shown as
 * it is (never throws).
 */
export function conceptLabel(id: string, locale: Locale, themeNames: ThemeNames): string {
  if (id.startsWith(THEME_PREFIX)) {
    const names = themeNames.get(id.slice(THEME_PREFIX.length));
    return names ? names[locale] : id.slice(THEME_PREFIX.length);
  }
  conceptLabels ??= new Map(CONCEPTS.map((c) => [c.id, { en: c.labelEn, zh: c.labelZh }]));
  return conceptLabels.get(id)?.[locale] ?? id;
}

/** The theme slug of a "theme:<slug>" concept id, or null for a thesaurus concept. */
export function themeOfConcept(id: string): string | null {
  return id.startsWith(THEME_PREFIX) ? id.slice(THEME_PREFIX.length) : null;
}

/** A word for a score, so it is never conveyed by a number or colour alone. */
export type ScoreBand = "strong" | "good" | "fair" | "weak";

/** Lower bounds of the bands (the officials' GOOD_SCORE and STRONG_SCORE use the same numbers). */
export const SCORE_BANDS = { strong: 70, good: 50, fair: SCORE_FLOOR } as const;

/** The band of a score; a missing score (not stored, below SCORE_FLOOR) is "weak". */
export function scoreBand(score: number | null | undefined): ScoreBand {
  if (score == null || score < SCORE_BANDS.fair) return "weak";
  if (score >= SCORE_BANDS.strong) return "strong";
  if (score >= SCORE_BANDS.good) return "good";
  return "fair";
}

// ---------------------------------------------------------------- parsing

const num = z.number().finite();
const strings = z.array(z.string()).catch([]);

const factorSchema = z.object({
  key: z.enum(FACTOR_KEYS),
  points: num.min(0),
  max: num.positive(),
});

const conceptSchema = z.object({
  id: z.string().min(1),
  weight: num.catch(1),
  terms: strings,
});

const trlRange = { orgMin: num, orgMax: num, min: num, max: num };

const nearMissSchema = z.discriminatedUnion("key", [
  z.object({ key: z.literal("declareTheme"), gain: num }),
  z.object({ key: z.literal("trlBelow"), gain: num, ...trlRange }),
  z.object({ key: z.literal("trlAbove"), gain: num, ...trlRange }),
  z.object({ key: z.literal("trlUnknown"), gain: num, min: num, max: num }),
  z.object({ key: z.literal("cooperationMismatch"), gain: num, sought: strings }),
  z.object({ key: z.literal("cooperationUnknown"), gain: num, sought: strings }),
  z.object({ key: z.literal("partnerType"), gain: num, sought: strings }),
  z.object({ key: z.literal("language"), gain: num }),
  z.object({ key: z.literal("stale"), gain: num }),
  z.object({ key: z.literal("missingConcepts"), gain: num, concepts: strings }),
]);

export type ExplanationFactor = z.infer<typeof factorSchema>;
export type ExplanationConcept = z.infer<typeof conceptSchema>;
export type ExplanationNearMiss = z.infer<typeof nearMissSchema>;

/** What the explanation of a stored score holds, as score.ts's MatchResult minus the score. */
export type Explanation = {
  factors: ExplanationFactor[];
  /** Share (0..1) of the fit factors that counted, from topical relevance (score.ts TOPICAL_GATE). */
  gate: number;
  concepts: ExplanationConcept[];
  nearMisses: ExplanationNearMiss[];
};

/** Fails the typecheck if the parsed near misses drift from the engine's NearMiss type. */
export const asNearMiss = (miss: ExplanationNearMiss): NearMiss => miss;

/** Keeps the items of a list that parse; drops the others one by one. */
function items<T>(schema: z.ZodType<T>, value: unknown): T[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export const EMPTY_EXPLANATION: Explanation = Object.freeze({
  factors: [],
  gate: 1,
  concepts: [],
  nearMisses: [],
}) as Explanation;

/**
 * Parses a stored explanation (the JSON value, or its text; compact or objects). Never throws:
 * anything that is not an object gives an empty explanation, and each factor,
 * concept or near miss that does not parse is left out on its own, so one
 * unknown near-miss key from a newer engine hides only that sentence.
 * Factors keep their stored order; near misses are sorted by gain, largest first.
 */
export function parseExplanation(json: unknown): Explanation {
  let value = json;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return { ...EMPTY_EXPLANATION };
    }
  }
  // The engine stores the compact form (explanation-codec.ts); older rows hold the objects.
  if (Array.isArray(value)) value = decodeExplanation(value);
  if (typeof value !== "object" || value === null) {
    return { ...EMPTY_EXPLANATION };
  }
  const record = value as Record<string, unknown>;
  return {
    factors: items(factorSchema, record.factors),
    // Scores stored before the gate existed counted their fit in full.
    gate: typeof record.gate === "number" && record.gate >= 0 && record.gate <= 1 ? record.gate : 1,
    concepts: items(conceptSchema, record.concepts),
    nearMisses: items(nearMissSchema, record.nearMisses)
      .filter((miss) => miss.gain > 0)
      .sort((a, b) => b.gain - a.gain),
  };
}

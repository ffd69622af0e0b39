// The stored form of a match explanation (MatchScore.explanation). A full
// rebuild writes some 700,000 of them, so they are stored as compact
// positional JSON, a fifth of the size of the readable objects, and turned
// back into objects when read (labels.ts parseExplanation, the only reader):
//
//   [2, gate, [points per factor, in the kind's order], [[concept, weight, [terms]]…],
//    [[near-miss key, gain, …its details in a fixed order]…]]
//
// The factors' maxima are not stored: they follow from the target's kind
// (five factors for a theme, eight for an opportunity) and FACTOR_MAX.
import {
  FACTOR_MAX,
  type FactorKey,
  type MatchResult,
  type NearMiss,
  OPPORTUNITY_FACTORS,
  THEME_FACTORS,
} from "./score";

const VERSION = 2;
const round1 = (n: number) => Math.round(n * 10) / 10;

type Explained = Omit<MatchResult, "score">;

function encodeMiss(miss: NearMiss): unknown[] {
  switch (miss.key) {
    case "trlBelow":
    case "trlAbove":
      return [miss.key, miss.gain, miss.orgMin, miss.orgMax, miss.min, miss.max];
    case "trlUnknown":
      return [miss.key, miss.gain, miss.min, miss.max];
    case "cooperationMismatch":
    case "cooperationUnknown":
    case "partnerType":
      return [miss.key, miss.gain, miss.sought];
    case "missingConcepts":
      return [miss.key, miss.gain, miss.concepts];
    default:
      return [miss.key, miss.gain];
  }
}

/** The JSON text stored for a result. */
export function encodeExplanation(result: Explained): string {
  return JSON.stringify([
    VERSION,
    result.gate,
    result.factors.map((factor) => factor.points),
    result.concepts.map((concept) => [concept.id, concept.weight, concept.terms]),
    result.nearMisses.map(encodeMiss),
  ]);
}

function decodeMiss(item: unknown): Record<string, unknown> | null {
  if (!Array.isArray(item) || typeof item[0] !== "string") return null;
  const [key, gain, ...rest] = item as [string, unknown, ...unknown[]];
  switch (key) {
    case "trlBelow":
    case "trlAbove":
      return { key, gain, orgMin: rest[0], orgMax: rest[1], min: rest[2], max: rest[3] };
    case "trlUnknown":
      return { key, gain, min: rest[0], max: rest[1] };
    case "cooperationMismatch":
    case "cooperationUnknown":
    case "partnerType":
      return { key, gain, sought: rest[0] };
    case "missingConcepts":
      return { key, gain, concepts: rest[0] };
    default:
      return { key, gain };
  }
}

/**
 * The readable object of a stored compact explanation, unvalidated (the
 * caller checks each part), or null when `value` is not one.
 */
export function decodeExplanation(value: unknown): Record<string, unknown> | null {
  if (!Array.isArray(value) || value[0] !== VERSION) return null;
  const [, gate, points, concepts, misses] = value as unknown[];
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const keys: readonly FactorKey[] | null =
    list(points).length === THEME_FACTORS.length
      ? THEME_FACTORS
      : list(points).length === OPPORTUNITY_FACTORS.length
        ? OPPORTUNITY_FACTORS
        : null;
  const scale = keys ? 100 / keys.reduce((sum, key) => sum + FACTOR_MAX[key], 0) : 0;
  return {
    gate,
    factors: keys
      ? keys.map((key, i) => ({
          key,
          points: list(points)[i],
          max: round1(FACTOR_MAX[key] * scale),
        }))
      : [],
    concepts: list(concepts).map((item) =>
      Array.isArray(item) ? { id: item[0], weight: item[1], terms: item[2] } : null,
    ),
    nearMisses: list(misses).map(decodeMiss),
  };
}

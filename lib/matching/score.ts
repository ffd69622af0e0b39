// The score of one organisation against one theme or opportunity: 0–100,
// deterministic, with every factor's contribution and the near misses that
// say what would raise it. docs/matching.md explains it with examples.
import type { ConceptHits } from "./concepts";

export type FactorKey =
  | "concepts"
  | "text"
  | "declaredTheme"
  | "cooperation"
  | "partnerType"
  | "trl"
  | "language"
  | "freshness";

export const FACTOR_MAX: Record<FactorKey, number> = {
  concepts: 40,
  text: 10,
  declaredTheme: 15,
  cooperation: 10,
  partnerType: 8,
  trl: 8,
  language: 4,
  freshness: 5,
};

const THEME_FACTORS: FactorKey[] = ["concepts", "text", "declaredTheme", "language", "freshness"];
const OPPORTUNITY_FACTORS = Object.keys(FACTOR_MAX) as FactorKey[];

/**
 * Pairs below this score are not stored. Without any text signal and without
 * the theme declared, the other factors add up to at most 35 points (for an
 * opportunity; 12 for a theme), so no pair at or above the floor can be
 * missed by scoring only the candidates that have one of those.
 */
export const SCORE_FLOOR = 36;

export type MatchOrganisation = {
  type: string;
  themeSlugs: readonly string[];
  trlMin: number | null;
  trlMax: number | null;
  cooperationTypes: readonly string[];
  languages: readonly string[];
  lastConfirmedAt: Date | null;
  concepts: ConceptHits;
};

export type MatchTarget = {
  kind: "THEME" | "OPPORTUNITY";
  themeSlug: string;
  /** Concept id -> how much it matters to this target (0..1). */
  concepts: ReadonlyMap<string, number>;
  cooperationTypes: readonly string[];
  partnerTypes: readonly string[];
  trlMin: number | null;
  trlMax: number | null;
};

export type NearMiss =
  | { key: "declareTheme"; gain: number }
  | {
      key: "trlBelow" | "trlAbove";
      gain: number;
      orgMin: number;
      orgMax: number;
      min: number;
      max: number;
    }
  | { key: "trlUnknown"; gain: number; min: number; max: number }
  | { key: "cooperationMismatch"; gain: number; sought: string[] }
  | { key: "cooperationUnknown"; gain: number; sought: string[] }
  | { key: "partnerType"; gain: number; sought: string[] }
  | { key: "language"; gain: number }
  | { key: "stale"; gain: number }
  | { key: "missingConcepts"; gain: number; concepts: string[] };

export type MatchedConcept = { id: string; weight: number; terms: string[] };

export type MatchResult = {
  score: number;
  /** Points per factor, and their maximum, in the target kind's factors. */
  factors: Array<{ key: FactorKey; points: number; max: number }>;
  concepts: MatchedConcept[];
  nearMisses: NearMiss[];
};

const DAY = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Saturating: the first strong concepts count most; more still count a little. */
function conceptPoints(overlap: number) {
  return FACTOR_MAX.concepts * (1 - Math.exp(-overlap / 1.2));
}

/**
 * `ftsRank` is PostgreSQL's ts_rank of the organisation's weighted tsvector
 * against the target's query, with normalisation 32 (rank / (rank + 1)),
 * so it lies in [0, 1).
 */
export function scoreMatch(
  org: MatchOrganisation,
  target: MatchTarget,
  ftsRank: number,
  now: Date,
): MatchResult {
  const nearMisses: NearMiss[] = [];
  const points = {} as Record<FactorKey, number>;

  const matched: MatchedConcept[] = [];
  let overlap = 0;
  for (const [id, weight] of target.concepts) {
    const terms = org.concepts.get(id);
    if (!terms) continue;
    overlap += weight;
    matched.push({ id, weight, terms });
  }
  matched.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  points.concepts = conceptPoints(overlap);
  if (points.concepts < FACTOR_MAX.concepts * 0.75) {
    const missing = [...target.concepts]
      .filter(([id, w]) => w >= 0.8 && !org.concepts.has(id))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([id]) => id);
    if (missing.length > 0) {
      const gain = conceptPoints(overlap + missing.length * 0.8) - points.concepts;
      nearMisses.push({ key: "missingConcepts", gain, concepts: missing });
    }
  }

  points.text = FACTOR_MAX.text * Math.min(1, Math.max(0, ftsRank) * 4);

  const declared = org.themeSlugs.includes(target.themeSlug);
  points.declaredTheme = declared ? FACTOR_MAX.declaredTheme : 0;
  if (!declared) nearMisses.push({ key: "declareTheme", gain: FACTOR_MAX.declaredTheme });

  if (target.kind === "OPPORTUNITY") {
    const sought = [...target.cooperationTypes];
    if (sought.length === 0) points.cooperation = FACTOR_MAX.cooperation;
    else if (org.cooperationTypes.length === 0) {
      points.cooperation = FACTOR_MAX.cooperation / 2;
      nearMisses.push({ key: "cooperationUnknown", gain: FACTOR_MAX.cooperation / 2, sought });
    } else if (sought.some((t) => org.cooperationTypes.includes(t))) {
      points.cooperation = FACTOR_MAX.cooperation;
    } else {
      points.cooperation = 0;
      nearMisses.push({ key: "cooperationMismatch", gain: FACTOR_MAX.cooperation, sought });
    }

    const partnerTypes = [...target.partnerTypes];
    if (partnerTypes.length === 0 || partnerTypes.includes(org.type))
      points.partnerType = FACTOR_MAX.partnerType;
    else {
      points.partnerType = 0;
      nearMisses.push({ key: "partnerType", gain: FACTOR_MAX.partnerType, sought: partnerTypes });
    }

    const min = target.trlMin ?? 1;
    const max = target.trlMax ?? 9;
    if (org.trlMin === null || org.trlMax === null) {
      points.trl = FACTOR_MAX.trl / 2;
      nearMisses.push({ key: "trlUnknown", gain: FACTOR_MAX.trl / 2, min, max });
    } else if (org.trlMax < min) {
      points.trl = FACTOR_MAX.trl * Math.max(0, 1 - (min - org.trlMax) / 3);
      nearMisses.push({
        key: "trlBelow",
        gain: FACTOR_MAX.trl - points.trl,
        orgMin: org.trlMin,
        orgMax: org.trlMax,
        min,
        max,
      });
    } else if (org.trlMin > max) {
      points.trl = FACTOR_MAX.trl * Math.max(0, 1 - (org.trlMin - max) / 3);
      nearMisses.push({
        key: "trlAbove",
        gain: FACTOR_MAX.trl - points.trl,
        orgMin: org.trlMin,
        orgMax: org.trlMax,
        min,
        max,
      });
    } else {
      points.trl = FACTOR_MAX.trl;
    }
  }

  // Hohhot works in Chinese and English.
  if (org.languages.includes("zh")) points.language = FACTOR_MAX.language;
  else if (org.languages.includes("en")) points.language = FACTOR_MAX.language * 0.75;
  else if (org.languages.length === 0) points.language = FACTOR_MAX.language / 2;
  else points.language = 0;
  if (points.language < FACTOR_MAX.language * 0.75) {
    nearMisses.push({ key: "language", gain: FACTOR_MAX.language * 0.75 - points.language });
  }

  const ageDays = org.lastConfirmedAt
    ? (now.getTime() - org.lastConfirmedAt.getTime()) / DAY
    : Number.POSITIVE_INFINITY;
  points.freshness = FACTOR_MAX.freshness * Math.min(1, Math.max(0, (730 - ageDays) / (730 - 180)));
  if (points.freshness < FACTOR_MAX.freshness) {
    nearMisses.push({ key: "stale", gain: FACTOR_MAX.freshness - points.freshness });
  }

  const keys = target.kind === "THEME" ? THEME_FACTORS : OPPORTUNITY_FACTORS;
  const max = keys.reduce((sum, key) => sum + FACTOR_MAX[key], 0);
  const total = keys.reduce((sum, key) => sum + points[key], 0);
  const scale = 100 / max;
  return {
    score: Math.round(total * scale),
    factors: keys.map((key) => ({
      key,
      points: round1(points[key] * scale),
      max: round1(FACTOR_MAX[key] * scale),
    })),
    concepts: matched,
    nearMisses: nearMisses
      .map((miss) => ({ ...miss, gain: round1(miss.gain * scale) }))
      .filter((miss) => miss.gain >= 0.5)
      .sort((a, b) => b.gain - a.gain),
  };
}

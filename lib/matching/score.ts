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

/** The factors of each kind of target, in the order explanations list them. */
export const THEME_FACTORS: readonly FactorKey[] = [
  "concepts",
  "text",
  "declaredTheme",
  "language",
  "freshness",
];
export const OPPORTUNITY_FACTORS = Object.keys(FACTOR_MAX) as readonly FactorKey[];
export const factorsOf = (kind: "THEME" | "OPPORTUNITY") =>
  kind === "THEME" ? THEME_FACTORS : OPPORTUNITY_FACTORS;

/** What the organisation works on: the factors that say it is about the target's subject. */
const TOPICAL: readonly FactorKey[] = ["concepts", "text", "declaredTheme"];

/**
 * Fit factors (cooperation, partner type, TRL, language, freshness) count in
 * proportion to topical relevance, in full from this many topical points
 * (of 65) on: a perfect fit with nothing in common on the subject is worth
 * nothing, and a weak topical hint cannot be lifted over the floor by fit
 * alone.
 */
export const TOPICAL_GATE = 32.5;

const gateOf = (topical: number) => Math.min(1, Math.max(0, topical) / TOPICAL_GATE);

/**
 * Pairs below this score are not stored. A pair without any topical signal
 * (no shared concept, no full-text match, theme not declared) scores 0, and
 * the engine scores every pair that has one, so nothing at or above the
 * floor is ever missing. The floor itself is a choice of selectivity:
 * one shared core concept with a good fit clears it; a single peripheral
 * concept does not (docs/matching.md).
 */
export const SCORE_FLOOR = 40;

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
  /** The share (0..1) of the fit factors that counted: TOPICAL_GATE. */
  gate: number;
  concepts: MatchedConcept[];
  nearMisses: NearMiss[];
};

const DAY = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Saturating: the first strong concepts count most; more still count a little. */
function conceptPoints(overlap: number) {
  return FACTOR_MAX.concepts * (1 - Math.exp(-overlap / 1.2));
}

/** A target's core concepts (weight ≥ 0.8), strongest first: computed once per target. */
const coreConcepts = new WeakMap<ReadonlyMap<string, number>, string[]>();
function coreConceptsOf(target: MatchTarget): string[] {
  let list = coreConcepts.get(target.concepts);
  if (!list) {
    list = [...target.concepts]
      .filter(([, weight]) => weight >= 0.8)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id]) => id);
    coreConcepts.set(target.concepts, list);
  }
  return list;
}

/** The factors that say how well the organisation fits, beside the subject. */
const FIT: readonly FactorKey[] = ["cooperation", "partnerType", "trl", "language", "freshness"];

/** Per kind of target: the sum of its factors' maxima, and of its fit factors' maxima. */
const KIND_MAX = {
  THEME: THEME_FACTORS.reduce((sum, key) => sum + FACTOR_MAX[key], 0),
  OPPORTUNITY: OPPORTUNITY_FACTORS.reduce((sum, key) => sum + FACTOR_MAX[key], 0),
};
const TOPICAL_MAX = TOPICAL.reduce((sum, key) => sum + FACTOR_MAX[key], 0);

// Each fit factor's points before the gate, as plain numbers: the engine
// calls them for millions of pairs (fitTotal), the score for its explanation.
function cooperationPoints(org: MatchOrganisation, target: MatchTarget) {
  const sought = target.cooperationTypes;
  if (sought.length === 0) return FACTOR_MAX.cooperation;
  if (org.cooperationTypes.length === 0) return FACTOR_MAX.cooperation / 2;
  for (const type of sought) if (org.cooperationTypes.includes(type)) return FACTOR_MAX.cooperation;
  return 0;
}

function partnerTypePoints(org: MatchOrganisation, target: MatchTarget) {
  return target.partnerTypes.length === 0 || target.partnerTypes.includes(org.type)
    ? FACTOR_MAX.partnerType
    : 0;
}

function trlPoints(org: MatchOrganisation, target: MatchTarget) {
  const min = target.trlMin ?? 1;
  const max = target.trlMax ?? 9;
  if (org.trlMin === null || org.trlMax === null) return FACTOR_MAX.trl / 2;
  if (org.trlMax < min) return FACTOR_MAX.trl * Math.max(0, 1 - (min - org.trlMax) / 3);
  if (org.trlMin > max) return FACTOR_MAX.trl * Math.max(0, 1 - (org.trlMin - max) / 3);
  return FACTOR_MAX.trl;
}

/** Hohhot works in Chinese and English. */
function languagePoints(org: MatchOrganisation) {
  if (org.languages.includes("zh")) return FACTOR_MAX.language;
  if (org.languages.includes("en")) return FACTOR_MAX.language * 0.75;
  if (org.languages.length === 0) return FACTOR_MAX.language / 2;
  return 0;
}

function freshnessPoints(org: MatchOrganisation, now: Date) {
  const ageDays = org.lastConfirmedAt
    ? (now.getTime() - org.lastConfirmedAt.getTime()) / DAY
    : Number.POSITIVE_INFINITY;
  return FACTOR_MAX.freshness * Math.min(1, Math.max(0, (730 - ageDays) / (730 - 180)));
}

/**
 * The fit factors' points before the topical gate (only the target kind's:
 * a theme has no cooperation, partner type or TRL), adding what would raise
 * them to `misses`.
 */
function fitPoints(
  org: MatchOrganisation,
  target: MatchTarget,
  now: Date,
  misses: NearMiss[],
): Partial<Record<FactorKey, number>> {
  const fit: Partial<Record<FactorKey, number>> = {};
  if (target.kind === "OPPORTUNITY") {
    const sought = [...target.cooperationTypes];
    fit.cooperation = cooperationPoints(org, target);
    if (fit.cooperation < FACTOR_MAX.cooperation)
      misses.push(
        org.cooperationTypes.length === 0
          ? { key: "cooperationUnknown", gain: FACTOR_MAX.cooperation - fit.cooperation, sought }
          : { key: "cooperationMismatch", gain: FACTOR_MAX.cooperation - fit.cooperation, sought },
      );

    fit.partnerType = partnerTypePoints(org, target);
    if (fit.partnerType < FACTOR_MAX.partnerType)
      misses.push({
        key: "partnerType",
        gain: FACTOR_MAX.partnerType - fit.partnerType,
        sought: [...target.partnerTypes],
      });

    const min = target.trlMin ?? 1;
    const max = target.trlMax ?? 9;
    fit.trl = trlPoints(org, target);
    const gain = FACTOR_MAX.trl - fit.trl;
    if (org.trlMin === null || org.trlMax === null)
      misses.push({ key: "trlUnknown", gain, min, max });
    else if (org.trlMax < min)
      misses.push({ key: "trlBelow", gain, orgMin: org.trlMin, orgMax: org.trlMax, min, max });
    else if (org.trlMin > max)
      misses.push({ key: "trlAbove", gain, orgMin: org.trlMin, orgMax: org.trlMax, min, max });
  }

  fit.language = languagePoints(org);
  if (fit.language < FACTOR_MAX.language * 0.75)
    misses.push({ key: "language", gain: FACTOR_MAX.language * 0.75 - fit.language });

  fit.freshness = freshnessPoints(org, now);
  if (fit.freshness < FACTOR_MAX.freshness)
    misses.push({ key: "stale", gain: FACTOR_MAX.freshness - fit.freshness });
  return fit;
}

/**
 * The sum of the fit factors' points before the gate, as the score adds
 * them (same functions, same order): what `scoreBound` takes as `fit`.
 */
export function fitTotal(org: MatchOrganisation, target: MatchTarget, now: Date): number {
  let sum = 0;
  if (target.kind === "OPPORTUNITY") {
    sum += cooperationPoints(org, target);
    sum += partnerTypePoints(org, target);
    sum += trlPoints(org, target);
  }
  sum += languagePoints(org);
  sum += freshnessPoints(org, now);
  return sum;
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

  // Walk the organisation's few concepts, not the target's many; sum in a
  // canonical order so the score never depends on the order of a map.
  const matched: MatchedConcept[] = [];
  for (const [id, terms] of org.concepts) {
    const weight = target.concepts.get(id);
    if (weight) matched.push({ id, weight, terms });
  }
  matched.sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
  let overlap = 0;
  for (const concept of matched) overlap += concept.weight;
  points.concepts = conceptPoints(overlap);
  if (points.concepts < FACTOR_MAX.concepts * 0.75) {
    const missing: string[] = [];
    for (const id of coreConceptsOf(target)) {
      if (org.concepts.has(id)) continue;
      missing.push(id);
      if (missing.length === 3) break;
    }
    if (missing.length > 0) {
      const gain = conceptPoints(overlap + missing.length * 0.8) - points.concepts;
      nearMisses.push({ key: "missingConcepts", gain, concepts: missing });
    }
  }

  points.text = FACTOR_MAX.text * Math.min(1, Math.max(0, ftsRank) * 4);

  const declared = org.themeSlugs.includes(target.themeSlug);
  points.declaredTheme = declared ? FACTOR_MAX.declaredTheme : 0;
  if (!declared) nearMisses.push({ key: "declareTheme", gain: FACTOR_MAX.declaredTheme });

  const fit = fitPoints(org, target, now, nearMisses);
  for (const key of FIT) if (fit[key] !== undefined) points[key] = fit[key];

  const keys = factorsOf(target.kind);
  const scale = 100 / KIND_MAX[target.kind];
  const topical = points.concepts + points.text + points.declaredTheme;
  const fitRaw = fitTotal(org, target, now);
  const gate = gateOf(topical);
  for (const key of keys) if (!TOPICAL.includes(key)) points[key] *= gate;
  const total = topical + fitRaw * gate;
  // A near miss's gain is what the score would really gain: more topical
  // points also open the gate further; a better fit counts through the gate.
  const gainOf = (miss: NearMiss) =>
    miss.key === "declareTheme" || miss.key === "missingConcepts"
      ? miss.gain + fitRaw * (gateOf(topical + miss.gain) - gate)
      : miss.gain * gate;
  return {
    score: Math.round(total * scale),
    factors: keys.map((key) => ({
      key,
      points: round1(points[key] * scale),
      max: round1(FACTOR_MAX[key] * scale),
    })),
    gate: round2(gate),
    concepts: matched,
    nearMisses: nearMisses
      .map((miss) => ({ ...miss, gain: round1(gainOf(miss) * scale) }))
      .filter((miss) => miss.gain >= 0.5)
      .sort((a, b) => b.gain - a.gain),
  };
}

/**
 * The highest score a pair could reach given its topical signals and, when
 * known, its fit (`fitTotal`; by default a perfect fit): the engine skips
 * pairs whose bound is under the floor before asking PostgreSQL for their
 * text rank or building their explanation. Never below the real score.
 */
export function scoreBound(
  kind: MatchTarget["kind"],
  overlap: number,
  ftsRank: number,
  declared: boolean,
  fit?: number,
): number {
  const max = KIND_MAX[kind];
  const topical =
    conceptPoints(overlap) +
    FACTOR_MAX.text * Math.min(1, Math.max(0, ftsRank) * 4) +
    (declared ? FACTOR_MAX.declaredTheme : 0);
  const fitMax = max - TOPICAL_MAX;
  return Math.ceil(((topical + (fit ?? fitMax) * gateOf(topical)) * 100) / max);
}

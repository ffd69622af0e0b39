// What each theme and opportunity looks for, in the engine's terms: weighted
// concepts (from the thesaurus and the theme's own keywords) and a full-text
// query for PostgreSQL.
import { type ConceptDefinition, ConceptIndex } from "./concepts";
import type { MatchTarget } from "./score";
import { prepareText } from "./text";
import { CONCEPTS } from "./thesaurus-data";

export type ThemeRow = {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string;
  keywordsEn: string[];
  keywordsZh: string[];
};

export type OpportunityRow = {
  id: string;
  themeId: string;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  cooperationTypes: string[];
  partnerTypes: string[];
  trlMin: number;
  trlMax: number;
};

export type TargetSpec = MatchTarget & { id: string; query: string };

/** Each theme's own keywords count as one more concept, so officials' keyword edits matter. */
export const themeConceptId = (slug: string) => `theme:${slug}`;

export function conceptDefinitions(themes: ThemeRow[]): ConceptDefinition[] {
  return [
    ...CONCEPTS.map((c) => ({ ...c, themes: c.themes as Record<string, number> })),
    ...themes.map((theme) => ({
      id: themeConceptId(theme.slug),
      labelEn: theme.nameEn,
      labelZh: theme.nameZh,
      themes: { [theme.slug]: 0.8 },
      en: theme.keywordsEn,
      zh: theme.keywordsZh,
    })),
  ];
}

export function buildIndex(themes: ThemeRow[]) {
  return new ConceptIndex(conceptDefinitions(themes));
}

/** A websearch_to_tsquery text: the phrases joined with OR. */
export function orQuery(phrases: string[]): string {
  return phrases
    .map((p) =>
      p
        .replace(/["'()|&!:<>\\-]/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((p) => p.length > 1 && !/\p{Script=Han}/u.test(p))
    .map((p) => (p.includes(" ") ? `"${p}"` : p))
    .join(" OR ");
}

export function themeTarget(theme: ThemeRow, index: ConceptIndex): TargetSpec {
  const concepts = new Map<string, number>();
  for (const concept of index.concepts.values()) {
    const weight = concept.themes[theme.slug];
    if (weight) concepts.set(concept.id, weight);
  }
  return {
    kind: "THEME",
    id: theme.id,
    themeSlug: theme.slug,
    concepts,
    cooperationTypes: [],
    partnerTypes: [],
    trlMin: null,
    trlMax: null,
    query: orQuery(theme.keywordsEn),
  };
}

/**
 * An opportunity looks for the concepts its own text names (in either
 * language), fully, and for its theme's concepts, at half weight.
 */
export function opportunityTarget(
  opportunity: OpportunityRow,
  theme: ThemeRow,
  index: ConceptIndex,
): TargetSpec {
  const base = themeTarget(theme, index);
  const concepts = new Map<string, number>();
  for (const [id, weight] of base.concepts) concepts.set(id, weight / 2);
  const own = index.find(
    prepareText(
      opportunity.titleEn,
      opportunity.titleZh,
      opportunity.descriptionEn,
      opportunity.descriptionZh,
    ),
  );
  for (const id of own.keys()) {
    if (id.startsWith("theme:")) continue;
    concepts.set(id, 1);
  }
  const ownTerms = [...own.entries()]
    .filter(([id]) => !id.startsWith("theme:"))
    .flatMap(([, terms]) => terms);
  return {
    kind: "OPPORTUNITY",
    id: opportunity.id,
    themeSlug: theme.slug,
    concepts,
    cooperationTypes: opportunity.cooperationTypes,
    partnerTypes: opportunity.partnerTypes,
    trlMin: opportunity.trlMin,
    trlMax: opportunity.trlMax,
    query: orQuery([...ownTerms, ...theme.keywordsEn]),
  };
}

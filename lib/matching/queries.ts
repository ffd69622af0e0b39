import "server-only";
// What a partner reads of the stored match scores: how its organisation
// ranks against the city's themes, and one page of the published, open
// opportunities it matches, sorted, filtered and searched in SQL. Every
// query is scoped by the caller's organisation in its WHERE clause.
import { cache } from "react";
import type { Caller } from "@/lib/auth/gate";
import { getCityProfile } from "@/lib/cities/queries";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/routing";
import { today } from "@/lib/opportunities/visibility";
import { getOwnOrganisation } from "@/lib/organisations/queries";
import type { ConceptHits, ConceptIndex } from "./concepts";
import { type Explanation, parseExplanation, type ThemeNames } from "./labels";
import { parseSuggestionState, SUGGESTIONS_PAGE_SIZE, type SuggestionState } from "./schema";
import { buildIndex } from "./targets";
import { isChinese, prepareText } from "./text";

type Scope = Pick<Caller, "organisationId">;
type Options = { citySlug?: string; now?: Date };

const DAY = 86_400_000;

/**
 * Theme slug -> name in both languages, for the city's themes in the city's
 * order (labels of "theme:<slug>" concepts, theme filters).
 */
export const getThemeNames = cache(
  async (citySlug: string = env().CITY_SLUG): Promise<ThemeNames> => {
    const themes = await db.theme.findMany({
      where: { city: { slug: citySlug } },
      orderBy: [{ area: { order: "asc" } }, { order: "asc" }],
      select: { slug: true, nameEn: true, nameZh: true },
    });
    return new Map(themes.map((t) => [t.slug, { en: t.nameEn, zh: t.nameZh }]));
  },
);

/**
 * The last concept index built, with the theme rows it was built from. The
 * index is a pure function of those rows and costs over 100 ms of CPU to
 * build (the whole thesaurus), so it is built again only when they differ:
 * they are read on every request, so an edit of a theme's keywords counts at
 * once, on every instance.
 */
let lastIndex: { themes: string; index: ConceptIndex } | null = null;

/** The thesaurus plus the city's theme keywords, to find the words an opportunity uses. */
export const getConceptIndex = cache(async (citySlug: string): Promise<ConceptIndex> => {
  const themes = await db.theme.findMany({
    where: { city: { slug: citySlug } },
    select: {
      id: true,
      slug: true,
      nameEn: true,
      nameZh: true,
      keywordsEn: true,
      keywordsZh: true,
    },
    orderBy: { id: "asc" },
  });
  const key = JSON.stringify(themes);
  if (lastIndex?.themes !== key) lastIndex = { themes: key, index: buildIndex(themes) };
  return lastIndex.index;
});

/**
 * The concepts an opportunity's text names, per index: the same opportunities
 * appear on every partner's page, and finding the words in a text costs
 * about 0.1 ms, so each text is looked up once per index. Kept with the index
 * (a new index starts afresh); the text itself is the key, so an edited
 * opportunity is looked up again. At most MAX_FOUND texts are kept.
 */
const foundByIndex = new WeakMap<ConceptIndex, Map<string, ConceptHits>>();
const MAX_FOUND = 2_000;

/** The concepts of an index found in an opportunity's title and description. */
export function findOpportunityConcepts(
  index: ConceptIndex,
  texts: { titleEn: string; titleZh: string; descriptionEn: string; descriptionZh: string },
): ConceptHits {
  let found = foundByIndex.get(index);
  if (!found) {
    found = new Map();
    foundByIndex.set(index, found);
  }
  const key = [texts.titleEn, texts.titleZh, texts.descriptionEn, texts.descriptionZh].join(
    "\u0000",
  );
  let hits = found.get(key);
  if (!hits) {
    hits = index.find(
      prepareText(texts.titleEn, texts.titleZh, texts.descriptionEn, texts.descriptionZh),
    );
    if (found.size >= MAX_FOUND) found.clear();
    found.set(key, hits);
  }
  return hits;
}

export type ThemeScore = {
  id: string;
  slug: string;
  nameEn: string;
  nameZh: string;
  /** Null when no score is stored (below SCORE_FLOOR). */
  score: number | null;
  explanation: Explanation | null;
};

/**
 * Every theme of the city with the organisation's stored score, best first;
 * themes without a stored score last, in the city's order.
 */
export async function getThemeScores(
  caller: Scope,
  { citySlug = env().CITY_SLUG }: Options = {},
): Promise<ThemeScore[]> {
  if (!caller.organisationId) return [];
  const [themes, scores] = await Promise.all([
    db.theme.findMany({
      where: { city: { slug: citySlug } },
      orderBy: [{ area: { order: "asc" } }, { order: "asc" }],
      select: { id: true, slug: true, nameEn: true, nameZh: true },
    }),
    db.matchScore.findMany({
      where: { organisationId: caller.organisationId, targetKind: "THEME" },
      select: { targetId: true, score: true, explanation: true },
    }),
  ]);
  const byTheme = new Map(scores.map((s) => [s.targetId, s]));
  return themes
    .map((theme, order) => {
      const stored = byTheme.get(theme.id);
      return {
        ...theme,
        order,
        score: stored?.score ?? null,
        explanation: stored ? parseExplanation(stored.explanation) : null,
      };
    })
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.order - b.order)
    .map(({ order: _order, ...theme }) => theme);
}

/** How many scores the organisation has: none at all means they are still being calculated. */
export async function countMatchScores(caller: Scope): Promise<number> {
  if (!caller.organisationId) return 0;
  return db.matchScore.count({ where: { organisationId: caller.organisationId } });
}

export type SuggestedOpportunity = {
  id: string;
  slug: string;
  /** Title, host and theme name in the requested language. */
  title: string;
  hostName: string;
  hostType: string;
  themeSlug: string;
  themeName: string;
  cooperationTypes: string[];
  deadline: Date | null;
  trlMin: number;
  trlMax: number;
  score: number;
  explanation: Explanation;
  /** Concept id -> the words the opportunity uses for it (in the reader's language when it has them). */
  soughtTerms: Map<string, string[]>;
};

export type SuggestionPage = {
  rows: SuggestedOpportunity[];
  /** Rows matching the filters, over all pages. */
  total: number;
  /** The page shown (the requested one, or the last when it asked for more). */
  page: number;
  pages: number;
  pageSize: number;
};

type Row = {
  id: string;
  slug: string;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  hostNameEn: string;
  hostNameZh: string;
  hostType: string;
  cooperationTypes: string[];
  deadline: Date | null;
  trlMin: number;
  trlMax: number;
  themeSlug: string;
  themeNameEn: string;
  themeNameZh: string;
  score: number;
  explanation: unknown;
};

/** A day as 'YYYY-MM-DD', compared with DATE columns whatever the session's time zone. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** ILIKE pattern for a text anywhere, with the wildcards of the text itself escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the published, open opportunities the caller's organisation
 * has a stored score for, with the filters, search and sort of `state`, and
 * the total count. Titles, hosts and themes come in `locale`.
 */
export async function listSuggestedOpportunities(
  caller: Scope,
  state: SuggestionState,
  locale: Locale,
  { citySlug = env().CITY_SLUG, now = new Date() }: Options = {},
): Promise<SuggestionPage> {
  const empty = { rows: [], total: 0, page: 1, pages: 1, pageSize: SUGGESTIONS_PAGE_SIZE };
  if (!caller.organisationId) return empty;
  const start = today(now);
  const conditions: Prisma.Sql[] = [
    // The scope: only this organisation's scores.
    Prisma.sql`m."organisationId" = ${caller.organisationId}`,
    Prisma.sql`m."targetKind" = 'OPPORTUNITY'`,
    Prisma.sql`c.slug = ${citySlug}`,
    Prisma.sql`o.status = 'PUBLISHED'`,
    Prisma.sql`(o.deadline IS NULL OR o.deadline >= ${isoDay(start)}::date)`,
  ];
  if (state.theme) conditions.push(Prisma.sql`t.slug = ${state.theme}`);
  if (state.coop)
    conditions.push(Prisma.sql`${state.coop}::"CooperationType" = ANY(o."cooperationTypes")`);
  if (state.deadline) {
    const last = new Date(start.getTime() + state.deadline * DAY);
    conditions.push(Prisma.sql`o.deadline IS NOT NULL AND o.deadline <= ${isoDay(last)}::date`);
  }
  if (state.q) {
    const pattern = containsPattern(state.q);
    conditions.push(Prisma.sql`(o."titleEn" ILIKE ${pattern} OR o."titleZh" ILIKE ${pattern}
      OR o."descriptionEn" ILIKE ${pattern} OR o."descriptionZh" ILIKE ${pattern})`);
  }
  const from = Prisma.sql`
    FROM "MatchScore" m
    JOIN "Opportunity" o ON o.id = m."targetId"
    JOIN "Theme" t ON t.id = o."themeId"
    JOIN "City" c ON c.id = t."cityId"
    WHERE ${Prisma.join(conditions, " AND ")}`;

  const [{ total }] = await db.$queryRaw<
    [{ total: number }]
  >`SELECT count(*)::int AS total ${from}`;
  const pages = Math.max(1, Math.ceil(total / SUGGESTIONS_PAGE_SIZE));
  const page = Math.min(state.page, pages);
  if (total === 0) return { ...empty, total, page, pages };

  const dir = Prisma.raw(state.dir === "asc" ? "ASC" : "DESC");
  const title = Prisma.raw(locale === "zh" ? 'o."titleZh"' : 'lower(o."titleEn")');
  const order = {
    score: Prisma.sql`m.score ${dir}, o.deadline ASC NULLS LAST, ${title} ASC, o.id`,
    deadline: Prisma.sql`o.deadline ${dir} NULLS LAST, m.score DESC, ${title} ASC, o.id`,
    title: Prisma.sql`${title} ${dir}, m.score DESC, o.id`,
  }[state.sort];

  const rows = await db.$queryRaw<Row[]>`
    SELECT o.id, o.slug, o."titleEn", o."titleZh", o."descriptionEn", o."descriptionZh",
      o."hostNameEn", o."hostNameZh", o."hostType"::text AS "hostType",
      o."cooperationTypes"::text[] AS "cooperationTypes", o.deadline, o."trlMin", o."trlMax",
      t.slug AS "themeSlug", t."nameEn" AS "themeNameEn", t."nameZh" AS "themeNameZh",
      m.score::int AS score, m.explanation
    ${from}
    ORDER BY ${order}
    LIMIT ${SUGGESTIONS_PAGE_SIZE} OFFSET ${(page - 1) * SUGGESTIONS_PAGE_SIZE}`;

  const zh = locale === "zh";
  const index = await getConceptIndex(citySlug);
  return {
    rows: rows.map((row) => {
      const explanation = parseExplanation(row.explanation);
      const hits = findOpportunityConcepts(index, row);
      const soughtTerms = new Map<string, string[]>();
      for (const concept of explanation.concepts) {
        const terms = hits.get(concept.id);
        if (!terms) continue;
        // The opportunity is written in both languages: its words in the reader's, if it has any.
        const own = terms.filter((term) => isChinese(term) === zh);
        soughtTerms.set(concept.id, own.length > 0 ? own : terms);
      }
      return {
        id: row.id,
        slug: row.slug,
        title: zh ? row.titleZh : row.titleEn,
        hostName: zh ? row.hostNameZh : row.hostNameEn,
        hostType: row.hostType,
        themeSlug: row.themeSlug,
        themeName: zh ? row.themeNameZh : row.themeNameEn,
        cooperationTypes: row.cooperationTypes,
        deadline: row.deadline,
        trlMin: row.trlMin,
        trlMax: row.trlMax,
        score: row.score,
        explanation,
        soughtTerms,
      };
    }),
    total,
    page,
    pages,
    pageSize: SUGGESTIONS_PAGE_SIZE,
  };
}

/**
 * Everything the partner's suggested-matches page reads: the organisation,
 * the theme names, its theme ranking, whether any score is stored yet, the
 * city, and one page of suggestions for the URL's state (an unknown theme is
 * no filter). Null when the organisation has not finished onboarding.
 */
export async function loadSuggestionsPage(
  caller: Caller,
  searchParams: Record<string, string | string[] | undefined>,
  locale: Locale,
) {
  const organisation = await getOwnOrganisation(caller);
  if (!organisation || organisation.onboardingStep !== null) return null;
  const [themeNames, themeScores, scoreCount, city] = await Promise.all([
    getThemeNames(),
    getThemeScores(caller),
    countMatchScores(caller),
    getCityProfile(),
  ]);
  const parsed = parseSuggestionState(searchParams);
  const state =
    parsed.theme && !themeNames.has(parsed.theme) ? { ...parsed, theme: undefined } : parsed;
  const suggestions = await listSuggestedOpportunities(caller, state, locale);
  return { organisation, themeNames, themeScores, scoreCount, city, state, suggestions };
}

// Why an organisation matches a theme or an opportunity: the score, each
// factor as a labelled bar, the concepts that matched (with the words found
// on each side) and the near misses as sentences with the points they would
// add. A server component, shared by the partners' "Suggested for you" page
// (audience "partner": "Your TRL 2–3 is below…") and the officials' pages
// (audience "official": "Their TRL 2–3 is below…"). Texts: the "matching"
// namespace (lib/i18n/messages/{en,zh}/matching.json).
//
//   <MatchExplanation
//     explanation={row.explanation}      // MatchScore.explanation as stored
//     score={row.score}                   // null: no stored score (below the floor)
//     locale={locale}
//     themeNames={await getThemeNames()}  // lib/matching/queries.ts
//     audience="official"
//     targetThemeSlug="dairy"             // names the theme in "Add Dairy to your themes…"
//     soughtTerms={sought}                // optional, opportunities: concept id -> its words
//   />
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/lib/i18n/routing";
import {
  conceptLabel,
  type Explanation,
  type ExplanationNearMiss,
  parseExplanation,
  scoreBand,
  type ThemeNames,
} from "@/lib/matching/labels";
import { SCORE_FLOOR } from "@/lib/matching/score";
import { cn } from "@/lib/utils";

/** A native <meter>, styled as a thin bar (the meter-bar utility of app/globals.css). */
const METER = "meter-bar";

export type MatchAudience = "partner" | "official";

export type MatchExplanationProps = {
  /** MatchScore.explanation as stored (JSON), or an Explanation from parseExplanation(); never throws. */
  explanation: Explanation | unknown;
  /** The stored score 0–100; null when the pair has no stored score (below SCORE_FLOOR). */
  score: number | null;
  locale: Locale;
  /** Theme slug -> names, for "theme:<slug>" concepts and the declare-theme sentence. */
  themeNames: ThemeNames;
  /** "partner" speaks to the organisation ("your"), "official" about it ("their"). */
  audience: MatchAudience;
  /** The slug of the theme scored (or of the opportunity's theme), to name it in sentences. */
  targetThemeSlug?: string;
  /** For opportunities: concept id -> the words the opportunity uses for it ("Sought"). */
  soughtTerms?: ReadonlyMap<string, readonly string[]>;
  /** Level of the section headings inside; the score itself has none. Default 3. */
  headingLevel?: 3 | 4 | 5;
  /** Hide the score line visually (screen readers keep it) where a summary or row already shows it. */
  hideScore?: boolean;
  className?: string;
};

export async function MatchExplanation({
  explanation: raw,
  score,
  locale,
  themeNames,
  audience,
  targetThemeSlug,
  soughtTerms,
  headingLevel = 3,
  hideScore = false,
  className,
}: MatchExplanationProps) {
  const t = await getTranslations({ locale, namespace: "matching" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const tType = await getTranslations({ locale, namespace: "organisationType" });
  const format = await getFormatter({ locale });
  const Heading = `h${headingLevel}` as const;
  const explanation = parseExplanation(raw);
  const band = scoreBand(score);
  const whole = (n: number) => format.number(n, { maximumFractionDigits: 0 });
  const either = (list: string[]) => format.list(list, { type: "disjunction" });
  const both = (list: string[]) => format.list(list, { type: "conjunction" });
  const themeName = targetThemeSlug ? themeNames.get(targetThemeSlug)?.[locale] : undefined;

  const sentence = (miss: ExplanationNearMiss): string => {
    switch (miss.key) {
      case "declareTheme":
        return t(`nearMiss.${audience}.declareTheme`, { theme: themeName ?? t("thisTheme") });
      case "trlBelow":
      case "trlAbove":
        return t(`nearMiss.${audience}.${miss.key}`, {
          orgMin: miss.orgMin,
          orgMax: miss.orgMax,
          min: miss.min,
          max: miss.max,
        });
      case "trlUnknown":
        return t(`nearMiss.${audience}.trlUnknown`, { min: miss.min, max: miss.max });
      case "cooperationMismatch":
      case "cooperationUnknown":
        return t(`nearMiss.${audience}.${miss.key}`, {
          types: either(miss.sought.map((s) => (tCoop.has(s as never) ? tCoop(s as never) : s))),
        });
      case "partnerType":
        return t(`nearMiss.${audience}.partnerType`, {
          types: either(miss.sought.map((s) => (tType.has(s as never) ? tType(s as never) : s))),
        });
      case "missingConcepts":
        return t(`nearMiss.${audience}.missingConcepts`, {
          concepts: both(miss.concepts.map((id) => conceptLabel(id, locale, themeNames))),
        });
      case "language":
      case "stale":
        return t(`nearMiss.${audience}.${miss.key}`);
    }
  };

  return (
    <div className={cn("flex flex-col gap-5 text-sm", className)}>
      <p className={cn("flex flex-wrap items-baseline gap-x-3 gap-y-1", hideScore && "sr-only")}>
        <span className="text-muted-foreground">{t("score")}</span>
        <span className="text-2xl font-bold tabular-nums">
          {score === null
            ? t("belowFloor", { floor: SCORE_FLOOR })
            : t("scoreValue", { score: whole(score) })}
        </span>
        <Badge variant={band === "strong" || band === "good" ? "default" : "muted"}>
          {t(`band.${band}`)}
        </Badge>
      </p>

      {score === null ? (
        <p className="text-muted-foreground">{t("notStored", { floor: SCORE_FLOOR })}</p>
      ) : (
        <>
          {explanation.factors.length > 0 && (
            <section className="flex flex-col gap-2">
              <Heading className="font-semibold">{t("factorsTitle")}</Heading>
              <ul className="grid gap-x-6 gap-y-2.5 sm:grid-cols-2">
                {explanation.factors.map((factor) => {
                  const name = t(`factors.${factor.key}`);
                  const value = t("factorValue", {
                    points: whole(factor.points),
                    max: whole(factor.max),
                  });
                  return (
                    <li key={factor.key} className="flex flex-col gap-1">
                      <div className="flex items-baseline justify-between gap-3">
                        <span>{name}</span>
                        <span className="shrink-0 tabular-nums text-muted-foreground">{value}</span>
                      </div>
                      <meter
                        aria-label={name}
                        aria-valuetext={value}
                        min={0}
                        max={factor.max}
                        value={factor.points}
                        className={METER}
                      />
                    </li>
                  );
                })}
              </ul>
              {explanation.gate < 1 && (
                <p className="text-muted-foreground">{t("gate", { percent: explanation.gate })}</p>
              )}
            </section>
          )}

          <section className="flex flex-col gap-2">
            <Heading className="font-semibold">{t("conceptsTitle")}</Heading>
            {explanation.concepts.length === 0 ? (
              <p className="text-muted-foreground">{t("noConcepts")}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {explanation.concepts.map((concept) => {
                  const sought = soughtTerms?.get(concept.id) ?? [];
                  return (
                    <li key={concept.id} className="flex flex-col gap-1">
                      <span className="font-medium">
                        {conceptLabel(concept.id, locale, themeNames)}
                      </span>
                      {concept.terms.length > 0 && (
                        <Terms label={t(`words.${audience}`)} terms={concept.terms} />
                      )}
                      {sought.length > 0 && <Terms label={t("sought")} terms={sought} />}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section className="flex flex-col gap-2">
            <Heading className="font-semibold">{t(`nearMissesTitle.${audience}`)}</Heading>
            {explanation.nearMisses.length === 0 ? (
              <p className="text-muted-foreground">{t("noNearMisses")}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {explanation.nearMisses.map((miss) => (
                  <li
                    key={miss.key}
                    className="flex flex-col items-start gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4"
                  >
                    <span>{sentence(miss)}</span>
                    <Badge variant="outline" className="shrink-0 tabular-nums">
                      {t("gain", { gain: Math.max(1, Math.round(miss.gain)) })}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}

/** A labelled list of words, e.g. "Your words: probiotics, lactic acid bacteria". */
function Terms({ label, terms }: { label: string; terms: readonly string[] }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <span className="text-muted-foreground">{label}</span>
      {terms.map((term) => (
        <Badge key={term} variant="secondary" className="font-normal">
          {term}
        </Badge>
      ))}
    </div>
  );
}

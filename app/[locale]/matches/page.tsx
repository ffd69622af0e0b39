import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { CalculatingRefresher } from "@/components/matching/calculating-refresher";
import { MatchExplanation } from "@/components/matching/match-explanation";
import { type SuggestionRow, SuggestionsTable } from "@/components/matching/suggestions-table";
import { ThemeRanking } from "@/components/matching/theme-ranking";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { scoreBand } from "@/lib/matching/labels";
import { loadSuggestionsPage } from "@/lib/matching/queries";
import { isFiltered } from "@/lib/matching/schema";
import { SCORE_FLOOR } from "@/lib/matching/score";
import { today } from "@/lib/opportunities/visibility";
import { COOPERATION_TYPES } from "@/lib/organisations/schema";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "suggestions" });
  return { title: t("metaTitle"), robots: { index: false } };
}

const DAY = 86_400_000;

export default async function MatchesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/matches", {
    roles: ["PARTNER"],
    organisation: true,
  });
  const page = await loadSuggestionsPage(caller, await searchParams, locale);
  if (!page) redirect(`/${locale}/onboarding`);
  const { organisation, themeNames, themeScores, scoreCount, city, state, suggestions } = page;

  const t = await getTranslations({ locale, namespace: "suggestions" });
  const tMatching = await getTranslations({ locale, namespace: "matching" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const format = await getFormatter({ locale });
  const cityName = city ? localized(city, "name", locale) : "";
  const start = today();

  const rows: SuggestionRow[] = suggestions.rows.map((row) => {
    const band = scoreBand(row.score);
    const days = row.deadline ? Math.round((row.deadline.getTime() - start.getTime()) / DAY) : null;
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      hostName: row.hostName,
      themeName: row.themeName,
      cooperation: row.cooperationTypes.map((type) =>
        tCoop.has(type as never) ? tCoop(type as never) : type,
      ),
      deadlineLabel: row.deadline
        ? format.dateTime(row.deadline, { dateStyle: "medium", timeZone: "UTC" })
        : t("noDeadline"),
      daysLeftLabel: days === null ? null : t("daysLeft", { days }),
      score: row.score,
      bandLabel: tMatching(`band.${band}`),
      strong: band === "strong" || band === "good",
      explanation: (
        <MatchExplanation
          explanation={row.explanation}
          score={row.score}
          locale={locale}
          themeNames={themeNames}
          audience="partner"
          targetThemeSlug={row.themeSlug}
          soughtTerms={row.soughtTerms}
          headingLevel={3}
          hideScore
        />
      ),
    };
  });

  const themeOptions = [...themeNames].map(([slug, names]) => ({
    value: slug,
    label: names[locale],
  }));
  const cooperationOptions = COOPERATION_TYPES.map((type) => ({
    value: type,
    label: tCoop(type),
  }));
  const calculating = scoreCount === 0;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-wide text-primary">
            {t("eyebrow")}
          </p>
          <h1 className="mt-2 break-words text-3xl font-bold tracking-tight sm:text-4xl">
            {t("title", { organisation: organisation.name })}
          </h1>
          <p className="mt-3 max-w-3xl text-muted-foreground">
            {t("lead", { city: cityName, floor: SCORE_FLOOR })}
          </p>
        </div>
        <Button asChild variant="outline" className="shrink-0 self-start sm:self-auto">
          <Link href="/organisation/edit">
            <Pencil aria-hidden="true" className="size-4" />
            {t("improveProfile")}
          </Link>
        </Button>
      </div>

      {calculating && (
        <Alert variant="info" className="mt-8">
          <p className="font-semibold">{t("calculatingTitle")}</p>
          <p className="mt-1">{t("calculating")}</p>
          <a
            href={`/${locale}/matches`}
            className="mt-2 inline-block underline underline-offset-4 hover:no-underline"
          >
            {t("reload")}
          </a>
          <CalculatingRefresher />
        </Alert>
      )}

      <section aria-labelledby="themes-title" className="mt-10">
        <h2 id="themes-title" className="text-2xl font-semibold tracking-tight">
          {t("themesTitle")}
        </h2>
        <p className="mt-2 max-w-3xl text-muted-foreground">{t("themesLead")}</p>
        <ThemeRanking
          className="mt-5"
          locale={locale}
          themes={themeScores}
          themeNames={themeNames}
        />
      </section>

      <section aria-labelledby="opportunities-title" className="mt-12">
        <h2 id="opportunities-title" className="text-2xl font-semibold tracking-tight">
          {t("opportunitiesTitle")}
        </h2>
        <p className="mt-2 max-w-3xl text-muted-foreground">
          {t("opportunitiesLead", { city: cityName })}
        </p>
        <div className="mt-5">
          {calculating ? null : suggestions.total === 0 && !isFiltered(state) ? (
            <div className="rounded-xl border border-dashed border-border p-6">
              <p className="font-semibold">{t("noMatchesTitle")}</p>
              <p className="mt-1 text-muted-foreground">{t("noMatches")}</p>
            </div>
          ) : (
            <ClientMessages namespaces={["suggestions"]}>
              <SuggestionsTable
                rows={rows}
                total={suggestions.total}
                page={suggestions.page}
                pages={suggestions.pages}
                pageSize={suggestions.pageSize}
                state={{ ...state, page: suggestions.page }}
                themes={themeOptions}
                cooperationTypes={cooperationOptions}
              />
            </ClientMessages>
          )}
        </div>
      </section>
    </div>
  );
}

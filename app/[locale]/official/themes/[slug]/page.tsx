import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RankedFilters } from "@/components/official/ranked-filters";
import { RankedList } from "@/components/official/ranked-list";
import { getCaller } from "@/lib/auth/gate";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import {
  getOfficialTheme,
  listRankedCountries,
  listRankedOrganisations,
  listThemeOpportunities,
} from "@/lib/matching/official-queries";
import {
  isOfficialRole,
  OFFICIAL_ROLES,
  parseRankedFilter,
  rankedFilterQuery,
} from "@/lib/matching/official-schema";
import { getThemeNames } from "@/lib/matching/queries";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  // The title names the theme only for those who may see the page.
  const caller = await getCaller();
  if (!caller || !isOfficialRole(caller.role)) return { robots: { index: false } };
  const t = await getTranslations({ locale, namespace: "officialMatches" });
  const theme = await getOfficialTheme(slug);
  return {
    title: theme ? t("themeMetaTitle", { name: localized(theme, "name", locale) }) : undefined,
    robots: { index: false },
  };
}

export default async function OfficialThemePage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const filter = parseRankedFilter(await searchParams);
  const basePath = `/official/themes/${encodeURIComponent(slug)}`;
  await requirePageCaller(locale, `${basePath}${rankedFilterQuery(filter, filter.page)}`, {
    roles: OFFICIAL_ROLES,
  });
  const theme = await getOfficialTheme(slug);
  if (!theme) notFound();
  const target = { kind: "THEME", id: theme.id } as const;
  const [ranked, countries, themeNames, opportunities] = await Promise.all([
    listRankedOrganisations(target, filter),
    listRankedCountries(target),
    getThemeNames(),
    listThemeOpportunities(theme.id),
  ]);
  const t = await getTranslations({ locale, namespace: "officialMatches" });
  const tKeywords = await getTranslations({ locale, namespace: "themeKeywords" });

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href="/official"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("backToCoverage")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("themeEyebrow")}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
        {localized(theme, "name", locale)}
      </h1>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">{t("themeLead")}</p>
      <p className="mt-3 text-sm">
        <Link
          href={`${basePath}/keywords`}
          className="text-primary underline underline-offset-4 hover:no-underline"
        >
          {tKeywords("editLink")}
        </Link>
      </p>

      {opportunities.length > 0 && (
        <nav aria-labelledby="theme-opportunities" className="mt-6">
          <h2 id="theme-opportunities" className="text-sm font-semibold text-muted-foreground">
            {t("themeOpportunities")}
          </h2>
          <ul className="mt-2 flex flex-col gap-1.5">
            {opportunities.map((opportunity) => (
              <li key={opportunity.id}>
                <Link
                  href={`/official/opportunities/${opportunity.slug}`}
                  className="text-primary underline underline-offset-4 hover:no-underline"
                >
                  {localized(opportunity, "title", locale)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <div className="mt-8">
        <RankedFilters locale={locale} filter={filter} countries={countries} basePath={basePath} />
      </div>
      <RankedList
        locale={locale}
        ranked={ranked}
        filter={filter}
        basePath={basePath}
        themeNames={themeNames}
        targetThemeSlug={theme.slug}
      />
    </div>
  );
}

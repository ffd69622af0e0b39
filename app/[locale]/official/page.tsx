import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CoverageChart } from "@/components/official/coverage-chart";
import {
  OpportunityCoverageTable,
  ThemeCoverageTable,
} from "@/components/official/coverage-tables";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import { getCoverage } from "@/lib/matching/official-queries";
import {
  FEW_PARTNERS_BELOW,
  GOOD_SCORE,
  hasFewPartners,
  OFFICIAL_ROLES,
  STRONG_SCORE,
} from "@/lib/matching/official-schema";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "coverage" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function OfficialPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requirePageCaller(locale, "/official", { roles: OFFICIAL_ROLES });
  const [themes, city] = await Promise.all([getCoverage(), getCityProfile()]);
  const t = await getTranslations({ locale, namespace: "coverage" });
  const cityName = city ? localized(city, "name", locale) : "";
  const few = themes.filter((theme) => hasFewPartners(theme.strong)).length;
  const opportunities = themes.reduce((sum, theme) => sum + theme.opportunities.length, 0);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary">
        {t("eyebrow", { city: cityName })}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">{t("lead", { city: cityName })}</p>
      <p className="mt-3 max-w-3xl text-sm text-muted-foreground">{t("visibility")}</p>

      {themes.length === 0 ? (
        <p className="mt-8 rounded-xl border border-border bg-card p-6">{t("noThemes")}</p>
      ) : (
        <>
          <section aria-labelledby="chart-title" className="mt-10">
            <h2 id="chart-title" className="text-2xl font-semibold tracking-tight">
              {t("chartTitle")}
            </h2>
            <p className="mt-2 max-w-3xl text-muted-foreground">
              {t("chartLead", {
                strong: STRONG_SCORE,
                good: GOOD_SCORE,
                threshold: FEW_PARTNERS_BELOW,
              })}
            </p>
            <p className="mt-4 font-medium">
              {t("summary", { few, themes: themes.length, threshold: FEW_PARTNERS_BELOW })}
            </p>
            <div className="mt-4">
              <CoverageChart themes={themes} locale={locale} />
            </div>
          </section>

          <section aria-labelledby="themes-table-title" className="mt-12">
            <h2 id="themes-table-title" className="text-2xl font-semibold tracking-tight">
              {t("themesTableTitle")}
            </h2>
            <div className="mt-4">
              <ThemeCoverageTable themes={themes} locale={locale} />
            </div>
          </section>

          <section aria-labelledby="opportunities-table-title" className="mt-12">
            <h2 id="opportunities-table-title" className="text-2xl font-semibold tracking-tight">
              {t("opportunitiesTableTitle")}
            </h2>
            <div className="mt-4">
              {opportunities === 0 ? (
                <p className="rounded-xl border border-border bg-card p-6">
                  {t("noOpportunities")}
                </p>
              ) : (
                <OpportunityCoverageTable themes={themes} locale={locale} />
              )}
            </div>
          </section>
        </>
      )}
    </div>
  );
}

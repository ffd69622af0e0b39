import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { InterestCta } from "@/components/interests/interest-cta";
import { OpportunityCard } from "@/components/site/opportunity-card";
import { Badge } from "@/components/ui/badge";
import { getCaller } from "@/lib/auth/gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { getThemeWithOpportunities, loadThemePage } from "@/lib/themes/queries";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const theme = await getThemeWithOpportunities(slug);
  if (!theme) return {};
  return {
    title: localized(theme, "name", locale),
    description: localized(theme, "description", locale),
  };
}

export default async function ThemePage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await getCaller();
  const page = await loadThemePage(slug, caller);
  if (!page) notFound();
  const { theme, city, partnerOrganisation, existing } = page;
  const t = await getTranslations({ locale, namespace: "theme" });
  const keywords = locale === "zh" ? theme.keywordsZh : theme.keywordsEn;

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href="/#themes"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("backToThemes")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {localized(city, "name", locale)} · {localized(theme.area, "name", locale)}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
        {localized(theme, "name", locale)}
      </h1>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">
        {localized(theme, "description", locale)}
      </p>

      <section aria-labelledby="keywords-title" className="mt-8">
        <h2 id="keywords-title" className="text-sm font-semibold text-muted-foreground">
          {t("keywords")}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {keywords.map((keyword) => (
            <li key={keyword}>
              <Badge variant="muted">{keyword}</Badge>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="opportunities-title" className="mt-12">
        <h2 id="opportunities-title" className="text-2xl font-semibold tracking-tight">
          {t("opportunitiesTitle")}
        </h2>
        {theme.opportunities.length === 0 ? (
          <p className="mt-4 max-w-3xl text-muted-foreground">{t("noOpportunities")}</p>
        ) : (
          <ul className="mt-6 grid gap-4 md:grid-cols-2">
            {theme.opportunities.map((opportunity) => (
              <li key={opportunity.id}>
                <OpportunityCard opportunity={opportunity} locale={locale} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <InterestCta
        locale={locale}
        kind="theme"
        slug={theme.slug}
        viewer={!caller ? "anonymous" : partnerOrganisation ? "partner" : "other"}
        open
        existing={existing}
        className="mt-12 max-w-3xl p-5"
      />
    </div>
  );
}

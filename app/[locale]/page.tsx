import { ArrowRight } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { type FactUnit, formatFactNumber } from "@/lib/cities/format-fact";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";

const STEPS = ["register", "match", "interest", "review"] as const;

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const city = await getCityProfile();
  if (!city) notFound();
  const t = await getTranslations({ locale, namespace: "home" });
  const tu = await getTranslations({ locale, namespace: "units" });
  const cityName = localized(city, "name", locale);
  const [headline, ...figures] = city.facts;

  return (
    <>
      <section className="border-b border-border bg-gradient-to-b from-secondary/70 to-background">
        <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 md:grid-cols-[1.4fr_1fr] md:py-20">
          <div>
            <p className="text-sm font-semibold uppercase tracking-wide text-primary">
              {t("eyebrow")}
            </p>
            <h1 className="mt-3 text-4xl font-bold tracking-tight sm:text-5xl">
              {t("title", { city: cityName })}
            </h1>
            <p className="mt-2 text-lg text-muted-foreground">
              {localized(city, "region", locale)}
            </p>
            <p className="mt-6 max-w-2xl text-lg leading-relaxed">
              {t("lead", { city: cityName })}
            </p>
            <p className="mt-4 max-w-2xl leading-relaxed text-muted-foreground">
              {localized(city, "summary", locale)}
            </p>
            <Button asChild size="lg" className="mt-8">
              <Link href="/#themes">
                {t("exploreThemes")} <ArrowRight aria-hidden="true" className="size-4" />
              </Link>
            </Button>
          </div>
          {headline && (
            <Card className="self-start p-6">
              <p className="text-sm text-muted-foreground">
                {localized(headline, "label", locale)}
              </p>
              <p className="mt-1 text-4xl font-bold tabular-nums text-primary">
                {tu(headline.unit as FactUnit, {
                  value: formatFactNumber(
                    Number(headline.value),
                    headline.unit as FactUnit,
                    locale,
                  ),
                })}
              </p>
              <p className="mt-4 text-sm text-muted-foreground">
                {t("figuresSource", { city: cityName })}
              </p>
            </Card>
          )}
        </div>
      </section>

      <section aria-labelledby="figures-title" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
        <h2 id="figures-title" className="text-2xl font-semibold tracking-tight">
          {t("figuresTitle", { city: cityName })}
        </h2>
        <dl className="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {figures.map((fact) => (
            <div key={fact.key} className="rounded-xl border border-border bg-card p-5">
              <dt className="text-sm text-muted-foreground">
                {localized(fact, "label", locale)}
                {fact.periodEn && (
                  <span className="block text-xs">{localized(fact, "period", locale)}</span>
                )}
              </dt>
              <dd className="mt-2 text-2xl font-semibold tabular-nums">
                {tu(fact.unit as FactUnit, {
                  value: formatFactNumber(Number(fact.value), fact.unit as FactUnit, locale),
                })}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section id="themes" aria-labelledby="themes-title" className="scroll-mt-4 bg-muted/50 py-12">
        <div className="mx-auto max-w-6xl px-4 sm:px-6">
          <h2 id="themes-title" className="text-2xl font-semibold tracking-tight">
            {t("themesTitle", { city: cityName })}
          </h2>
          <p className="mt-2 max-w-3xl text-muted-foreground">
            {t("themesLead", { city: cityName })}
          </p>
          {city.areas.map((area) => (
            <div key={area.id} className="mt-10">
              <h3 className="text-xl font-semibold">{localized(area, "name", locale)}</h3>
              <p className="mt-1 max-w-3xl text-sm text-muted-foreground">
                {localized(area, "description", locale)}
              </p>
              <ul className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                {area.themes.map((theme) => (
                  <li key={theme.id}>
                    <Card className="relative flex h-full flex-col p-5 transition-shadow hover:shadow-md">
                      <h4 className="font-semibold leading-snug">
                        <Link
                          href={`/themes/${theme.slug}`}
                          className="after:absolute after:inset-0 focus-visible:underline focus-visible:outline-none"
                        >
                          {localized(theme, "name", locale)}
                        </Link>
                      </h4>
                      <p className="mt-2 line-clamp-4 text-sm text-muted-foreground">
                        {localized(theme, "description", locale)}
                      </p>
                      <p className="mt-auto pt-4 text-sm font-medium text-primary">
                        {t("openOpportunities", { count: theme._count.opportunities })}
                      </p>
                    </Card>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>

      <section
        id="how-it-works"
        aria-labelledby="how-title"
        className="mx-auto max-w-6xl scroll-mt-4 px-4 py-12 sm:px-6"
      >
        <h2 id="how-title" className="text-2xl font-semibold tracking-tight">
          {t("howTitle")}
        </h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((step, index) => (
            <li key={step} className="rounded-xl border border-border bg-card p-5">
              <span
                aria-hidden="true"
                className="grid size-8 place-items-center rounded-full bg-primary text-sm font-semibold text-primary-foreground"
              >
                {index + 1}
              </span>
              <h3 className="mt-3 font-semibold">{t(`steps.${step}.title`)}</h3>
              <p className="mt-2 text-sm text-muted-foreground">
                {t(`steps.${step}.body`, { city: cityName })}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

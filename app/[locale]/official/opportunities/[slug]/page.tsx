import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { RankedFilters } from "@/components/official/ranked-filters";
import { RankedList } from "@/components/official/ranked-list";
import { getCaller } from "@/lib/auth/gate";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import {
  getOfficialOpportunity,
  getSoughtTerms,
  listRankedCountries,
  listRankedOrganisations,
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
  // The title names the opportunity only for those who may see the page.
  const caller = await getCaller();
  if (!caller || !isOfficialRole(caller.role)) return { robots: { index: false } };
  const t = await getTranslations({ locale, namespace: "officialMatches" });
  const opportunity = await getOfficialOpportunity(slug);
  return {
    title: opportunity
      ? t("themeMetaTitle", { name: localized(opportunity, "title", locale) })
      : undefined,
    robots: { index: false },
  };
}

export default async function OfficialOpportunityPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const filter = parseRankedFilter(await searchParams);
  const basePath = `/official/opportunities/${encodeURIComponent(slug)}`;
  await requirePageCaller(locale, `${basePath}${rankedFilterQuery(filter, filter.page)}`, {
    roles: OFFICIAL_ROLES,
  });
  const opportunity = await getOfficialOpportunity(slug);
  if (!opportunity) notFound();
  const target = { kind: "OPPORTUNITY", id: opportunity.id } as const;
  const [ranked, countries, themeNames, soughtTerms, city] = await Promise.all([
    listRankedOrganisations(target, filter),
    listRankedCountries(target),
    getThemeNames(),
    getSoughtTerms(opportunity, locale),
    getCityProfile(),
  ]);
  const t = await getTranslations({ locale, namespace: "officialMatches" });
  const to = await getTranslations({ locale, namespace: "opportunity" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const tType = await getTranslations({ locale, namespace: "organisationType" });
  const format = await getFormatter({ locale });
  const list = (items: string[]) => format.list(items, { type: "conjunction" });

  const details: Array<[string, ReactNode]> = (
    [
      [
        to("theme"),
        <Link
          key="theme"
          href={`/official/themes/${opportunity.theme.slug}`}
          className="text-primary underline underline-offset-4 hover:no-underline"
        >
          {localized(opportunity.theme, "name", locale)}
        </Link>,
      ],
      [
        to("host", { city: city ? localized(city, "name", locale) : "" }),
        localized(opportunity, "hostName", locale),
      ],
      [to("cooperationTypes"), list(opportunity.cooperationTypes.map((type) => tCoop(type)))],
      [to("partnerTypes"), list(opportunity.partnerTypes.map((type) => tType(type)))],
      [to("trl"), to("trlRange", { min: opportunity.trlMin, max: opportunity.trlMax })],
      [
        to("deadline"),
        opportunity.deadline
          ? format.dateTime(opportunity.deadline, { dateStyle: "medium", timeZone: "UTC" })
          : to("noDeadline"),
      ],
    ] as Array<[string, ReactNode]>
  ).filter(([, value]) => value !== "");

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href="/official"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("backToCoverage")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("opportunityEyebrow")}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
        {localized(opportunity, "title", locale)}
      </h1>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">{t("opportunityLead")}</p>

      <dl className="mt-6 grid max-w-3xl gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        {details.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="mt-2 text-muted-foreground sm:mt-0">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm">
        <Link
          href={`/opportunities/${opportunity.slug}`}
          className="text-primary underline underline-offset-4 hover:no-underline"
        >
          {t("publicPage")}
        </Link>
      </p>

      <div className="mt-8">
        <RankedFilters locale={locale} filter={filter} countries={countries} basePath={basePath} />
      </div>
      <RankedList
        locale={locale}
        ranked={ranked}
        filter={filter}
        basePath={basePath}
        themeNames={themeNames}
        targetThemeSlug={opportunity.theme.slug}
        soughtTerms={soughtTerms}
      />
    </div>
  );
}

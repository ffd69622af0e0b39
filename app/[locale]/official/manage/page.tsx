import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ManageFilters } from "@/components/official/manage-filters";
import { ManageTable } from "@/components/official/manage-table";
import { Button } from "@/components/ui/button";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { listManagedOpportunities, listThemeChoices } from "@/lib/opportunities/manage-queries";
import { manageFilterQuery, parseManageFilter } from "@/lib/opportunities/schema";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "officialManage" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function ManageOpportunitiesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const filter = parseManageFilter(await searchParams);
  await requirePageCaller(locale, `/official/manage${manageFilterQuery(filter, filter.page)}`, {
    roles: OFFICIAL_ROLES,
  });
  const [list, themes, city] = await Promise.all([
    listManagedOpportunities(filter),
    listThemeChoices(),
    getCityProfile(),
  ]);
  const t = await getTranslations({ locale, namespace: "officialManage" });

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary">
        {t("eyebrow", { city: city ? localized(city, "name", locale) : "" })}
      </p>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <Button asChild>
          <Link href="/official/manage/new">
            <Plus aria-hidden="true" className="size-4" />
            {t("newOpportunity")}
          </Link>
        </Button>
      </div>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">{t("lead")}</p>

      <div className="mt-8">
        <ManageFilters
          locale={locale}
          filter={filter}
          themes={themes.map((theme) => ({
            slug: theme.slug,
            name: localized(theme, "name", locale),
          }))}
        />
      </div>
      <ManageTable locale={locale} list={list} filter={filter} />
    </div>
  );
}

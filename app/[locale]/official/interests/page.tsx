import { BarChart3, Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { ReviewFilters } from "@/components/interests/review-filters";
import { ReviewTable, type ReviewTableRow } from "@/components/interests/review-table";
import { buttonVariants } from "@/components/ui/button";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { getReviewFilterOptions, listReviewQueue } from "@/lib/interests/review-queries";
import {
  isOverdue,
  parseReviewState,
  REVIEW_STATUS_FILTERS,
  reviewFilterOf,
  reviewFilterQuery,
  reviewSearchParams,
  waitedParts,
} from "@/lib/interests/review-schema";
import { isOpen } from "@/lib/interests/state";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { countryName } from "@/lib/organisations/countries";
import { ORGANISATION_TYPES } from "@/lib/organisations/schema";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "review" });
  return { title: t("metaTitle"), robots: { index: false } };
}

const BASE = "/official/interests";

export default async function ReviewQueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const state = parseReviewState(await searchParams);
  const query = reviewSearchParams(state).toString();
  const caller = await requirePageCaller(locale, query ? `${BASE}?${query}` : BASE, {
    roles: OFFICIAL_ROLES,
  });
  const [queue, options] = await Promise.all([
    listReviewQueue(caller, state),
    getReviewFilterOptions(caller),
  ]);

  const t = await getTranslations({ locale, namespace: "review" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const tType = await getTranslations({ locale, namespace: "organisationType" });
  const format = await getFormatter({ locale });

  const rows: ReviewTableRow[] = queue.rows.map((row) => {
    const waited = row.waited === null ? null : waitedParts(row.waited);
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      statusLabel: tStatus(row.status),
      open: isOpen(row.status),
      organisationName: row.organisationName,
      excerpt: row.motivation,
      countryLabel: countryName(row.country, locale),
      typeLabel: tType(row.organisationType),
      themeName: locale === "zh" ? row.themeNameZh : row.themeNameEn,
      opportunityTitle:
        row.opportunitySlug === null
          ? null
          : ((locale === "zh" ? row.opportunityTitleZh : row.opportunityTitleEn) ?? null),
      score: row.score,
      assigneeName: row.assigneeName,
      createdLabel: format.dateTime(row.createdAt, { dateStyle: "medium" }),
      waitedLabel:
        waited === null
          ? null
          : waited.unit === "days"
            ? t("waitedDays", { days: waited.value })
            : t("waitedHours", { hours: waited.value }),
      waiting: row.status === "SUBMITTED",
      overdue: isOverdue(row.waited, row.status),
    };
  });

  const filter = reviewFilterOf(state);
  const exportQuery = reviewSearchParams(filter);
  exportQuery.set("locale", locale);
  const me = caller.userId;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-4 md:flex-row md:items-end md:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-wide text-primary">
            {t("eyebrow")}
          </p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
          <p className="mt-3 max-w-3xl text-muted-foreground">{t("lead")}</p>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          <Link
            href={`${BASE}/dashboard${reviewFilterQuery(filter)}`}
            className={buttonVariants({ variant: "outline" })}
          >
            <BarChart3 aria-hidden="true" className="size-4" />
            {t("dashboardLink")}
          </Link>
          <a
            href={`/api/official/interests/export?${exportQuery.toString()}`}
            download
            className={buttonVariants({ variant: "outline" })}
          >
            <Download aria-hidden="true" className="size-4" />
            {t("exportLink")}
          </a>
        </div>
      </div>
      <p className="mt-2 text-sm text-muted-foreground md:text-right">
        {t("exportHint", { total: queue.total })}
      </p>

      <div className="mt-6 flex flex-col gap-6">
        <ClientMessages namespaces={["review"]}>
          <ReviewFilters
            key={reviewFilterQuery(filter)}
            state={state}
            basePath={BASE}
            statuses={REVIEW_STATUS_FILTERS.map((value) => ({
              value,
              label: value === "open" ? t("statusOpen") : tStatus(value),
            }))}
            themes={options.themes.map((theme) => ({
              value: theme.slug,
              label: localized(theme, "name", locale),
            }))}
            opportunities={options.opportunities.map((opportunity) => ({
              value: opportunity.slug,
              label: localized(opportunity, "title", locale),
            }))}
            countries={options.countries
              .map((code) => ({ value: code, label: countryName(code, locale) }))
              .sort((a, b) => a.label.localeCompare(b.label, locale === "zh" ? "zh-CN" : "en"))}
            types={ORGANISATION_TYPES.map((type) => ({ value: type, label: tType(type) }))}
            officials={[
              { value: "me", label: t("assigneeMe") },
              { value: "none", label: t("assigneeNone") },
              ...options.officials
                .filter((official) => official.id !== me)
                .map((official) => ({ value: official.id, label: official.name })),
            ]}
          />
        </ClientMessages>
        <ClientMessages namespaces={["review", "reviewActions", "declineReason"]}>
          <ReviewTable
            rows={rows}
            total={queue.total}
            page={queue.page}
            pages={queue.pages}
            pageSize={queue.pageSize}
            state={{ ...state, page: queue.page }}
            officials={options.officials.map((o) => ({ id: o.id, name: o.name }))}
            meId={me}
          />
        </ClientMessages>
      </div>
    </div>
  );
}

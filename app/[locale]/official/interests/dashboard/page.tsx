import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { type BarDatum, LazyBarChart } from "@/components/charts/lazy-bar-chart";
import { Card } from "@/components/ui/card";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { getReviewDashboard } from "@/lib/interests/dashboard-queries";
import { getReviewFilterOptions } from "@/lib/interests/review-queries";
import {
  isReviewFiltered,
  parseReviewState,
  reviewFilterOf,
  reviewFilterQuery,
} from "@/lib/interests/review-schema";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { countryName } from "@/lib/organisations/countries";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "reviewDashboard" });
  return { title: t("metaTitle"), robots: { index: false } };
}

const QUEUE = "/official/interests";

/** One figure: its chart (hidden from screen readers) and its table (the same numbers). */
function ChartCard({
  id,
  title,
  lead,
  chartNote,
  chart,
  children,
  className,
}: {
  id: string;
  title: string;
  lead?: string;
  chartNote: string;
  chart: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card className={className}>
      <section aria-labelledby={id} className="flex flex-col gap-3 p-5">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {lead && <p className="text-sm text-muted-foreground">{lead}</p>}
        <figure className="flex flex-col gap-3">
          {chart}
          <figcaption className="sr-only">{chartNote}</figcaption>
          {children}
        </figure>
      </section>
    </Card>
  );
}

function DataTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-border text-left text-muted-foreground">
            {head.map((h, i) => (
              <th
                key={h}
                scope="col"
                className={
                  i === 0 ? "py-1.5 pr-3 font-medium" : "py-1.5 pl-3 text-right font-medium"
                }
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-border/60 last:border-0">
              {head.map((column, i) =>
                i === 0 ? (
                  <th key={column} scope="row" className="py-1.5 pr-3 text-left font-normal">
                    {row.cells[i]}
                  </th>
                ) : (
                  <td key={column} className="py-1.5 pl-3 text-right tabular-nums">
                    {row.cells[i]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ReviewDashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const state = parseReviewState(await searchParams);
  const filter = reviewFilterOf(state);
  const filterQuery = reviewFilterQuery(filter);
  const caller = await requirePageCaller(locale, `${QUEUE}/dashboard${filterQuery}`, {
    roles: OFFICIAL_ROLES,
  });
  const [d, options] = await Promise.all([
    getReviewDashboard(caller, filter),
    getReviewFilterOptions(caller),
  ]);

  const t = await getTranslations({ locale, namespace: "reviewDashboard" });
  const tQueue = await getTranslations({ locale, namespace: "review" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const tType = await getTranslations({ locale, namespace: "organisationType" });
  const format = await getFormatter({ locale });

  const duration = (seconds: number | null, none: string) => {
    if (seconds === null) return none;
    const days = seconds / 86_400;
    return days >= 1
      ? t("days", { value: format.number(days, { maximumFractionDigits: 1 }) })
      : t("hours", { value: format.number(seconds / 3600, { maximumFractionDigits: 1 }) });
  };
  const percent = (rate: number | null, none: string) =>
    rate === null ? none : format.number(rate, { style: "percent", maximumFractionDigits: 0 });
  const themeName = (theme: { nameEn: string; nameZh: string }) => localized(theme, "name", locale);

  // The filters in words, so the reader knows what the numbers cover.
  const described: string[] = [];
  if (filter.status)
    described.push(
      `${tQueue("status")}: ${filter.status === "open" ? tQueue("statusOpen") : tStatus(filter.status)}`,
    );
  if (filter.theme) {
    const theme = options.themes.find((th) => th.slug === filter.theme);
    described.push(`${tQueue("theme")}: ${theme ? themeName(theme) : filter.theme}`);
  }
  if (filter.opportunity) {
    const opportunity = options.opportunities.find((o) => o.slug === filter.opportunity);
    described.push(
      `${tQueue("opportunity")}: ${opportunity ? localized(opportunity, "title", locale) : filter.opportunity}`,
    );
  }
  if (filter.country)
    described.push(`${tQueue("country")}: ${countryName(filter.country, locale)}`);
  if (filter.type) described.push(`${tQueue("type")}: ${tType(filter.type)}`);
  if (filter.min !== undefined || filter.max !== undefined)
    described.push(`${tQueue("scoreRange")}: ${filter.min ?? 0}–${filter.max ?? 100}`);
  if (filter.assignee) {
    const official = options.officials.find((o) => o.id === filter.assignee);
    described.push(
      `${tQueue("assignee")}: ${
        filter.assignee === "me"
          ? tQueue("assigneeMe")
          : filter.assignee === "none"
            ? tQueue("assigneeNone")
            : (official?.name ?? "?")
      }`,
    );
  }
  if (filter.from || filter.to)
    described.push(`${tQueue("dateRange")}: ${filter.from ?? "…"} – ${filter.to ?? "…"}`);
  if (filter.q) described.push(`${tQueue("search")}: “${filter.q}”`);

  const note = t("chartHidden");
  const bars = (data: BarDatum[]) => <LazyBarChart data={data} />;
  const countHead = (first: string) => [first, t("colCount")];

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <Link
        href={`${QUEUE}${filterQuery}`}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {tQueue("backToQueue")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("eyebrow")}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted-foreground">{t("lead")}</p>
      <div className="mt-4 rounded-lg border border-border bg-card p-4 text-sm">
        <p>
          {isReviewFiltered(filter)
            ? t("filtered", { filters: described.join("; ") })
            : t("unfiltered")}
        </p>
        <Link
          href={`${QUEUE}${filterQuery}`}
          className="mt-1 inline-block text-primary underline underline-offset-4 hover:no-underline"
        >
          {isReviewFiltered(filter) ? t("queueLink") : t("changeFilters")}
        </Link>
      </div>

      <dl className="mt-8 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {[
          { label: t("total"), value: format.number(d.total) },
          { label: t("open"), value: format.number(d.open) },
          {
            label: t("medianFirstReview"),
            value: duration(d.medianFirstReviewSeconds, t("medianNone")),
            note: d.reviewed > 0 ? t("reviewed", { count: d.reviewed }) : undefined,
          },
          {
            label: t("acceptance"),
            value: percent(d.acceptanceRate, t("acceptanceNone")),
            note:
              d.decided > 0
                ? t("decided", { accepted: d.accepted, decided: d.decided })
                : undefined,
          },
        ].map((figure) => (
          <Card key={figure.label} className="flex flex-col gap-1 p-4">
            <dt className="text-sm text-muted-foreground">{figure.label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{figure.value}</dd>
            {figure.note && <dd className="text-xs text-muted-foreground">{figure.note}</dd>}
          </Card>
        ))}
      </dl>

      {d.total === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-border p-6 text-center text-muted-foreground">
          {t("noData")}
        </p>
      ) : (
        <div className="mt-8 grid gap-6 md:grid-cols-2">
          <ChartCard
            id="by-status"
            title={t("byStatus")}
            chartNote={note}
            chart={bars(d.byStatus.map((r) => ({ label: tStatus(r.status), value: r.count })))}
          >
            <DataTable
              caption={t("byStatus")}
              head={countHead(t("colStatus"))}
              rows={d.byStatus.map((r) => ({
                key: r.status,
                cells: [tStatus(r.status), format.number(r.count)],
              }))}
            />
          </ChartCard>
          <ChartCard
            id="by-theme"
            title={t("byTheme")}
            chartNote={note}
            chart={bars(d.byTheme.map((r) => ({ label: themeName(r), value: r.count })))}
          >
            <DataTable
              caption={t("byTheme")}
              head={countHead(t("colTheme"))}
              rows={d.byTheme.map((r) => ({
                key: r.slug,
                cells: [themeName(r), format.number(r.count)],
              }))}
            />
          </ChartCard>
          <ChartCard
            id="by-country"
            title={t("byCountry")}
            chartNote={note}
            // The chart shows the twelve largest; the table lists every country.
            chart={bars(
              d.byCountry
                .slice(0, 12)
                .map((r) => ({ label: countryName(r.country, locale), value: r.count })),
            )}
          >
            <DataTable
              caption={t("byCountry")}
              head={countHead(t("colCountry"))}
              rows={d.byCountry.map((r) => ({
                key: r.country,
                cells: [countryName(r.country, locale), format.number(r.count)],
              }))}
            />
          </ChartCard>
          <ChartCard
            id="by-type"
            title={t("byType")}
            chartNote={note}
            chart={bars(d.byType.map((r) => ({ label: tType(r.type), value: r.count })))}
          >
            <DataTable
              caption={t("byType")}
              head={countHead(t("colType"))}
              rows={d.byType.map((r) => ({
                key: r.type,
                cells: [tType(r.type), format.number(r.count)],
              }))}
            />
          </ChartCard>
          <ChartCard
            id="per-week"
            title={t("perWeek")}
            lead={t("perWeekLead")}
            chartNote={note}
            className="md:col-span-2"
            chart={
              <LazyBarChart
                direction="vertical"
                data={d.perWeek.map((r) => ({ label: r.week.slice(5), value: r.count }))}
              />
            }
          >
            <details className="text-sm">
              <summary className="cursor-pointer text-primary underline underline-offset-4">
                {t("showTable")}
              </summary>
              <div className="mt-2">
                <DataTable
                  caption={t("perWeek")}
                  head={[t("colWeek"), t("colCount")]}
                  rows={d.perWeek.map((r) => ({
                    key: r.week,
                    cells: [
                      format.dateTime(new Date(`${r.week}T00:00:00Z`), {
                        dateStyle: "medium",
                        timeZone: "UTC",
                      }),
                      format.number(r.count),
                    ],
                  }))}
                />
              </div>
            </details>
          </ChartCard>
          <ChartCard
            id="acceptance-theme"
            title={t("acceptanceByTheme")}
            lead={t("acceptanceByThemeLead")}
            chartNote={note}
            className="md:col-span-2"
            chart={
              <LazyBarChart
                percent
                data={d.byTheme
                  .filter((r) => r.acceptanceRate !== null)
                  .map((r) => ({ label: themeName(r), value: r.acceptanceRate ?? 0 }))}
              />
            }
          >
            <DataTable
              caption={t("acceptanceByTheme")}
              head={[
                t("colTheme"),
                t("colAccepted"),
                t("colDecided"),
                t("colRate"),
                t("colMedian"),
              ]}
              rows={d.byTheme.map((r) => ({
                key: r.slug,
                cells: [
                  themeName(r),
                  format.number(r.accepted),
                  format.number(r.decided),
                  percent(r.acceptanceRate, "—"),
                  duration(r.medianFirstReviewSeconds, "—"),
                ],
              }))}
            />
          </ChartCard>
        </div>
      )}
    </div>
  );
}

// One page of the city's opportunities for officials: status in words (not
// colour alone), theme, deadline, publication date and good matches, with
// links to the edit form and to the ranked list of partners.
import { getFormatter, getTranslations } from "next-intl/server";
import { PageLinks } from "@/components/site/page-links";
import { Badge } from "@/components/ui/badge";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { GOOD_SCORE } from "@/lib/matching/official-schema";
import { type ManageFilter, manageFilterQuery } from "@/lib/opportunities/schema";
import { today } from "@/lib/opportunities/visibility";
import { cn } from "@/lib/utils";

type Row = {
  id: string;
  slug: string;
  titleEn: string;
  titleZh: string;
  status: "DRAFT" | "PUBLISHED" | "CLOSED";
  deadline: Date | null;
  publishedAt: Date | null;
  goodMatches: number;
  theme: { slug: string; nameEn: string; nameZh: string };
};

const cell = "px-3 py-3 sm:px-4";
const STATUS_VARIANT = { DRAFT: "outline", PUBLISHED: "success", CLOSED: "muted" } as const;

export async function ManageTable({
  locale,
  list,
  filter,
}: {
  locale: Locale;
  list: { opportunities: Row[]; total: number; page: number; pages: number };
  filter: ManageFilter;
}) {
  const t = await getTranslations({ locale, namespace: "officialManage" });
  const format = await getFormatter({ locale });
  const { opportunities, total, page, pages } = list;
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const pageHref = (to: number) => `/official/manage${manageFilterQuery(filter, to)}`;
  const startOfToday = today();

  return (
    <section aria-labelledby="manage-list-title" className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="manage-list-title" className="text-xl font-semibold">
          {t("total", { count: total })}
        </h2>
        <p className="text-sm text-muted-foreground">{t("matchesHint", { score: GOOD_SCORE })}</p>
      </div>

      {opportunities.length === 0 ? (
        <p className="mt-4 rounded-xl border border-border bg-card p-6 text-muted-foreground">
          {filter.status || filter.theme ? t("empty") : t("emptyUnfiltered")}
        </p>
      ) : (
        <div className="mt-4 overflow-hidden rounded-xl border border-border bg-card shadow-sm">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("caption", { page, pages })}</caption>
            <thead className="border-b border-border bg-muted/60">
              <tr>
                <th scope="col" className={cn(cell, "font-semibold")}>
                  {t("columns.title")}
                </th>
                <th scope="col" className={cn(cell, "hidden font-semibold md:table-cell")}>
                  {t("columns.theme")}
                </th>
                <th scope="col" className={cn(cell, "hidden font-semibold lg:table-cell")}>
                  {t("columns.deadline")}
                </th>
                <th scope="col" className={cn(cell, "hidden font-semibold lg:table-cell")}>
                  {t("columns.published")}
                </th>
                <th
                  scope="col"
                  className={cn(cell, "w-px whitespace-nowrap text-right font-semibold")}
                >
                  {t("columns.matches")}
                </th>
              </tr>
            </thead>
            <tbody>
              {opportunities.map((opportunity) => {
                const title = localized(opportunity, "title", locale);
                const passed =
                  opportunity.status === "PUBLISHED" &&
                  opportunity.deadline !== null &&
                  opportunity.deadline < startOfToday;
                const deadline = opportunity.deadline
                  ? date(opportunity.deadline)
                  : t("noDeadline");
                return (
                  <tr
                    key={opportunity.id}
                    className="border-b border-border align-top last:border-b-0"
                  >
                    <th scope="row" className={cn(cell, "font-normal")}>
                      <span className="flex flex-wrap items-center gap-1.5">
                        <Badge variant={STATUS_VARIANT[opportunity.status]}>
                          {t(`statusLabel.${opportunity.status}`)}
                        </Badge>
                        {passed && <Badge variant="outline">{t("deadlinePassed")}</Badge>}
                      </span>
                      <Link
                        href={`/official/manage/${opportunity.id}/edit`}
                        className="mt-1.5 block font-semibold text-primary underline underline-offset-4 [overflow-wrap:anywhere] hover:no-underline"
                      >
                        {title}
                      </Link>
                      <span className="mt-1 block text-muted-foreground md:hidden">
                        {localized(opportunity.theme, "name", locale)}
                      </span>
                      <span className="mt-0.5 block text-muted-foreground lg:hidden">
                        {t("deadlineOn", { date: deadline })}
                      </span>
                      {opportunity.status !== "DRAFT" && (
                        <Link
                          href={`/official/opportunities/${opportunity.slug}`}
                          className="mt-1.5 inline-block text-sm text-primary underline underline-offset-4 hover:no-underline"
                        >
                          <span aria-hidden="true">{t("rankedList")}</span>
                          <span className="sr-only">{t("rankedListFor", { title })}</span>
                        </Link>
                      )}
                    </th>
                    <td className={cn(cell, "hidden md:table-cell")}>
                      {localized(opportunity.theme, "name", locale)}
                    </td>
                    <td className={cn(cell, "hidden whitespace-nowrap lg:table-cell")}>
                      {deadline}
                    </td>
                    <td className={cn(cell, "hidden whitespace-nowrap lg:table-cell")}>
                      {opportunity.publishedAt
                        ? format.dateTime(opportunity.publishedAt, { dateStyle: "medium" })
                        : t("notPublished")}
                    </td>
                    <td className={cn(cell, "text-right tabular-nums")}>
                      <span aria-hidden="true" className="text-base font-semibold">
                        {format.number(opportunity.goodMatches)}
                      </span>
                      <span className="sr-only">
                        {t("matchesCount", { count: opportunity.goodMatches })}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <PageLinks
        page={page}
        pages={pages}
        href={pageHref}
        labels={{
          nav: t("pagination"),
          previous: t("previous"),
          next: t("next"),
          pageOf: t("pageOf", { page, pages }),
        }}
      />
    </section>
  );
}

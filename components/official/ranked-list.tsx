// One page of the organisations matching a theme or an opportunity, best
// first: a plain table, each organisation with its "why" in a disclosure
// right below its row.
import { ChevronRight } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { MatchExplanation } from "@/components/matching/match-explanation";
import { PageLinks } from "@/components/site/page-links";
import { Badge } from "@/components/ui/badge";
import type { Locale } from "@/lib/i18n/routing";
import { scoreBand, type ThemeNames } from "@/lib/matching/labels";
import type { RankedOrganisation } from "@/lib/matching/official-queries";
import { isFiltered, type RankedFilter, rankedFilterQuery } from "@/lib/matching/official-schema";
import { countryName } from "@/lib/organisations/countries";
import { cn } from "@/lib/utils";
import { InviteButton } from "./invite-button";

type Ranked = {
  /** The theme or opportunity the list ranks against: invitations name it. */
  target: { kind: "THEME" | "OPPORTUNITY"; id: string; invitable: boolean };
  organisations: RankedOrganisation[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
};

const cell = "px-3 py-3 sm:px-4";

export async function RankedList({
  locale,
  ranked,
  filter,
  basePath,
  themeNames,
  targetThemeSlug,
  soughtTerms,
}: {
  locale: Locale;
  ranked: Ranked;
  filter: RankedFilter;
  /** The list's path without the language, e.g. /official/themes/dairy. */
  basePath: string;
  themeNames: ThemeNames;
  targetThemeSlug: string;
  soughtTerms?: ReadonlyMap<string, readonly string[]>;
}) {
  const t = await getTranslations({ locale, namespace: "officialMatches" });
  const tType = await getTranslations({ locale, namespace: "organisationType" });
  const tMatching = await getTranslations({ locale, namespace: "matching" });
  const tInvite = await getTranslations({ locale, namespace: "interestInvite" });
  const format = await getFormatter({ locale });
  const { organisations, total, page, pages, pageSize, target } = ranked;
  const pageHref = (to: number) => `${basePath}${rankedFilterQuery(filter, to)}`;
  const typeLabel = (type: string) => (tType.has(type as never) ? tType(type as never) : type);

  return (
    <section aria-labelledby="ranked-title" className="mt-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="ranked-title" className="text-xl font-semibold" aria-live="polite">
          {t("total", { count: total })}
        </h2>
        {pages > 1 && (
          <p className="text-sm text-muted-foreground">{t("pageOf", { page, pages })}</p>
        )}
      </div>

      {organisations.length === 0 ? (
        <p className="mt-4 rounded-xl border border-border bg-card p-6 text-muted-foreground">
          {isFiltered(filter) ? t("empty") : t("emptyUnfiltered")}
        </p>
      ) : (
        <ClientMessages namespaces={["interestInvite"]}>
          <div className="mt-4 overflow-hidden rounded-xl border border-border bg-card shadow-sm">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("caption", { page, pages })}</caption>
              <thead className="border-b border-border bg-muted/60">
                <tr>
                  <th scope="col" className={cn(cell, "w-px whitespace-nowrap font-semibold")}>
                    {t("columns.rank")}
                  </th>
                  <th scope="col" className={cn(cell, "font-semibold")}>
                    {t("columns.organisation")}
                  </th>
                  <th scope="col" className={cn(cell, "hidden font-semibold md:table-cell")}>
                    {t("columns.country")}
                  </th>
                  <th scope="col" className={cn(cell, "hidden font-semibold md:table-cell")}>
                    {t("columns.type")}
                  </th>
                  <th
                    scope="col"
                    className={cn(cell, "w-px whitespace-nowrap text-right font-semibold")}
                  >
                    {t("columns.score")}
                  </th>
                </tr>
              </thead>
              {organisations.map((organisation, index) => {
                const rank = (page - 1) * pageSize + index + 1;
                const country = countryName(organisation.country, locale);
                const type = typeLabel(organisation.type);
                return (
                  // One group per organisation: its row, then its explanation.
                  <tbody key={organisation.id} className="border-b border-border last:border-b-0">
                    <tr className="align-top">
                      <td className={cn(cell, "pb-1 tabular-nums text-muted-foreground")}>
                        {format.number(rank)}
                      </td>
                      <th scope="row" className={cn(cell, "pb-1 font-normal")}>
                        <span className="font-semibold [overflow-wrap:anywhere]">
                          {organisation.name}
                        </span>
                        {organisation.unregistered && (
                          <span className="mt-1 block">
                            <Badge variant="muted" className="rounded-md">
                              {t("unregistered")}
                            </Badge>
                          </span>
                        )}
                        <span className="mt-0.5 block text-muted-foreground md:hidden">
                          {country} · {type}
                        </span>
                        {organisation.city && (
                          <span className="mt-0.5 hidden text-muted-foreground md:block">
                            {organisation.city}
                          </span>
                        )}
                      </th>
                      <td className={cn(cell, "hidden pb-1 md:table-cell")}>{country}</td>
                      <td className={cn(cell, "hidden pb-1 md:table-cell")}>{type}</td>
                      <td className={cn(cell, "whitespace-nowrap pb-1 text-right")}>
                        <span className="block text-lg font-bold tabular-nums leading-tight">
                          <span aria-hidden="true">{organisation.score}</span>
                          <span className="sr-only">
                            {t("scoreOutOf", { score: organisation.score })}
                          </span>
                        </span>
                        <span className="block text-xs text-muted-foreground">
                          {tMatching(`band.${scoreBand(organisation.score)}`)}
                        </span>
                      </td>
                    </tr>
                    <tr>
                      <td className="hidden sm:table-cell" />
                      <td colSpan={4} className={cn(cell, "pt-1 pb-4")}>
                        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                          <details className="group min-w-0 sm:flex-1">
                            <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md font-medium text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
                              <ChevronRight
                                aria-hidden="true"
                                className="size-4 shrink-0 transition-transform group-open:rotate-90"
                              />
                              <span aria-hidden="true">{t("why")}</span>
                              <span className="sr-only">
                                {t("whyFor", { name: organisation.name })}
                              </span>
                            </summary>
                            <div className="mt-3 rounded-lg border border-border bg-background p-4">
                              <MatchExplanation
                                explanation={organisation.explanation}
                                score={organisation.score}
                                locale={locale}
                                themeNames={themeNames}
                                audience="official"
                                targetThemeSlug={targetThemeSlug}
                                soughtTerms={soughtTerms}
                                headingLevel={3}
                              />
                            </div>
                          </details>
                          <div className="sm:max-w-64 sm:shrink-0 sm:text-right">
                            {organisation.invitedAt ? (
                              <p className="text-sm font-medium">
                                {tInvite("invitedOn", {
                                  date: format.dateTime(organisation.invitedAt, {
                                    dateStyle: "medium",
                                  }),
                                })}
                              </p>
                            ) : !target.invitable ? null : organisation.invitableMembers > 0 ? (
                              <InviteButton
                                organisationId={organisation.id}
                                organisationName={organisation.name}
                                targetKind={target.kind}
                                targetId={target.id}
                                members={organisation.invitableMembers}
                              />
                            ) : organisation.origin === "IMPORTED" ? null : (
                              <p className="text-sm text-muted-foreground">
                                {tInvite("noMembers")}
                              </p>
                            )}
                          </div>
                        </div>
                      </td>
                    </tr>
                  </tbody>
                );
              })}
            </table>
          </div>
        </ClientMessages>
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

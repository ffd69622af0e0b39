// The coverage view in figures: one table for the themes, one for the
// published opportunities, each row linking to its ranked list of partners.
// On a phone the secondary columns fold into the first one, so that the
// tables fit the screen without scrolling sideways.
import { getFormatter, getTranslations } from "next-intl/server";
import type * as React from "react";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ThemeCoverage } from "@/lib/matching/official-queries";
import { GOOD_SCORE, hasFewPartners, STRONG_SCORE } from "@/lib/matching/official-schema";
import { cn } from "@/lib/utils";
import { CoverageStatus } from "./coverage-status";

const cell = "px-2.5 py-3 sm:px-4";
const number = cn(cell, "text-right tabular-nums");
const head = "font-semibold";
/** Shown from the md breakpoint; below it the content sits in the first column. */
const wide = "hidden md:table-cell";
const link = "text-primary underline underline-offset-4 hover:no-underline";

/** A score column's heading: short on a phone, in full from md and for screen readers. */
function ScoreHeading({ short, full }: { short: string; full: string }) {
  return (
    <th scope="col" className={cn(number, head, "whitespace-nowrap")}>
      <span aria-hidden="true" className="md:hidden">
        {short}
      </span>
      <span className="sr-only md:not-sr-only">{full}</span>
    </th>
  );
}

function Table({
  captionId,
  caption,
  children,
}: {
  captionId: string;
  caption: string;
  children: React.ReactNode;
}) {
  return (
    <div className="rounded-xl border border-border bg-card shadow-sm">
      <table className="w-full border-collapse text-left text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export async function ThemeCoverageTable({
  themes,
  locale,
}: {
  themes: ThemeCoverage[];
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "coverage" });
  return (
    <Table
      captionId="themes-coverage-caption"
      caption={t("themesCaption", { good: GOOD_SCORE, strong: STRONG_SCORE })}
    >
      <thead className="border-b border-border bg-muted/60">
        <tr>
          <th scope="col" className={cn(cell, head)}>
            {t("columns.theme")}
          </th>
          <th scope="col" className={cn(number, head, wide)}>
            {t("columns.opportunities")}
          </th>
          <ScoreHeading
            short={t("columns.atLeastShort", { score: GOOD_SCORE })}
            full={t("columns.atLeast", { score: GOOD_SCORE })}
          />
          <ScoreHeading
            short={t("columns.atLeastShort", { score: STRONG_SCORE })}
            full={t("columns.atLeast", { score: STRONG_SCORE })}
          />
          <th scope="col" className={cn(cell, head, wide)}>
            {t("columns.status")}
          </th>
        </tr>
      </thead>
      <tbody>
        {themes.map((theme) => {
          const status = (
            <CoverageStatus
              few={hasFewPartners(theme.strong)}
              fewLabel={t("fewPartners")}
              coveredLabel={t("covered")}
            />
          );
          return (
            <tr key={theme.id} className="border-b border-border last:border-b-0">
              <th scope="row" className={cn(cell, "font-medium")}>
                <Link href={`/official/themes/${theme.slug}`} className={link}>
                  {localized(theme, "name", locale)}
                </Link>
                <span className="mt-1 block font-normal text-muted-foreground md:hidden">
                  {t("publishedCount", { count: theme.opportunities.length })}
                </span>
                <span className="mt-1.5 block md:hidden">{status}</span>
              </th>
              <td className={cn(number, wide)}>{theme.opportunities.length}</td>
              <td className={number}>{theme.good}</td>
              <td className={number}>{theme.strong}</td>
              <td className={cn(cell, wide)}>{status}</td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export async function OpportunityCoverageTable({
  themes,
  locale,
}: {
  themes: ThemeCoverage[];
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "coverage" });
  const format = await getFormatter({ locale });
  const rows = themes.flatMap((theme) =>
    theme.opportunities.map((opportunity) => ({ theme, opportunity })),
  );
  return (
    <Table
      captionId="opportunities-coverage-caption"
      caption={t("opportunitiesCaption", { good: GOOD_SCORE, strong: STRONG_SCORE })}
    >
      <thead className="border-b border-border bg-muted/60">
        <tr>
          <th scope="col" className={cn(cell, head)}>
            {t("columns.opportunity")}
          </th>
          <th scope="col" className={cn(cell, head, wide)}>
            {t("columns.theme")}
          </th>
          <th scope="col" className={cn(cell, head, wide)}>
            {t("columns.deadline")}
          </th>
          <ScoreHeading
            short={t("columns.atLeastShort", { score: GOOD_SCORE })}
            full={t("columns.atLeast", { score: GOOD_SCORE })}
          />
          <ScoreHeading
            short={t("columns.atLeastShort", { score: STRONG_SCORE })}
            full={t("columns.atLeast", { score: STRONG_SCORE })}
          />
          <th scope="col" className={cn(cell, head, wide)}>
            {t("columns.status")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ theme, opportunity }) => {
          const themeName = localized(theme, "name", locale);
          const date = opportunity.deadline
            ? format.dateTime(opportunity.deadline, { dateStyle: "medium", timeZone: "UTC" })
            : null;
          const deadline =
            opportunity.deadline && date ? (
              <time dateTime={opportunity.deadline.toISOString().slice(0, 10)}>{date}</time>
            ) : (
              t("noDeadline")
            );
          const status = (
            <CoverageStatus
              few={hasFewPartners(opportunity.strong)}
              fewLabel={t("fewPartners")}
              coveredLabel={t("covered")}
            />
          );
          return (
            <tr key={opportunity.id} className="border-b border-border last:border-b-0">
              <th scope="row" className={cn(cell, "font-medium")}>
                <Link href={`/official/opportunities/${opportunity.slug}`} className={link}>
                  {localized(opportunity, "title", locale)}
                </Link>
                <span className="mt-1 block font-normal text-muted-foreground md:hidden">
                  {themeName} · {date ? t("deadlineOn", { date }) : t("noDeadline")}
                </span>
                <span className="mt-1.5 block md:hidden">{status}</span>
              </th>
              <td className={cn(cell, wide)}>{themeName}</td>
              <td className={cn(cell, wide, "whitespace-nowrap tabular-nums")}>{deadline}</td>
              <td className={number}>{opportunity.good}</td>
              <td className={number}>{opportunity.strong}</td>
              <td className={cn(cell, wide)}>{status}</td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

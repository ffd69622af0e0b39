// The coverage view's picture: per theme, a bar for the organisations that
// match strongly and one for those that match well, with the numbers in
// words beside them; themes with few strong partners are marked in words.
import { getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { ThemeCoverage } from "@/lib/matching/official-queries";
import { GOOD_SCORE, hasFewPartners, STRONG_SCORE } from "@/lib/matching/official-schema";
import { cn } from "@/lib/utils";
import { CoverageStatus } from "./coverage-status";

function Bar({
  value,
  max,
  label,
  tone,
}: {
  value: number;
  max: number;
  label: string;
  tone: "strong" | "good";
}) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm">{label}</p>
      <div aria-hidden="true" className="h-2.5 overflow-hidden rounded-full bg-muted">
        <div
          className={cn(
            "h-full rounded-full",
            tone === "strong" ? "bg-primary" : "bg-primary/35",
            value > 0 && "min-w-1.5",
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}

export async function CoverageChart({
  themes,
  locale,
  headingLevel = 3,
}: {
  themes: ThemeCoverage[];
  locale: Locale;
  headingLevel?: 3 | 4;
}) {
  const t = await getTranslations({ locale, namespace: "coverage" });
  const Heading = `h${headingLevel}` as const;
  // One scale for every theme, so that bars compare across themes.
  const max = Math.max(1, ...themes.map((theme) => theme.good));
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {themes.map((theme) => {
        const few = hasFewPartners(theme.strong);
        return (
          <li
            key={theme.id}
            className={cn(
              "flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-sm",
              few ? "border-amber-300 border-l-4" : "border-border",
            )}
          >
            <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
              <Heading className="font-semibold leading-snug">
                <Link
                  href={`/official/themes/${theme.slug}`}
                  className="text-primary underline underline-offset-4 hover:no-underline"
                >
                  {localized(theme, "name", locale)}
                </Link>
              </Heading>
              <CoverageStatus few={few} fewLabel={t("fewPartners")} coveredLabel={t("covered")} />
            </div>
            <Bar
              tone="strong"
              value={theme.strong}
              max={max}
              label={t("organisationsAtLeast", { count: theme.strong, score: STRONG_SCORE })}
            />
            <Bar
              tone="good"
              value={theme.good}
              max={max}
              label={t("organisationsAtLeast", { count: theme.good, score: GOOD_SCORE })}
            />
            <p className="text-sm text-muted-foreground">
              {t("publishedCount", { count: theme.opportunities.length })}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

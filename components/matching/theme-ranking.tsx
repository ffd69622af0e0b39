// The city's themes ranked by an organisation's score, best first; each opens
// (<details>) to its explanation. A theme without a stored score is shown as
// "below 36", a weak match.
import { ChevronDown } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { scoreBand, type ThemeNames } from "@/lib/matching/labels";
import type { ThemeScore } from "@/lib/matching/queries";
import { SCORE_FLOOR } from "@/lib/matching/score";
import { cn } from "@/lib/utils";
import { type MatchAudience, MatchExplanation } from "./match-explanation";

export async function ThemeRanking({
  locale,
  themes,
  themeNames,
  audience = "partner",
  className,
}: {
  locale: Locale;
  themes: ThemeScore[];
  themeNames: ThemeNames;
  audience?: MatchAudience;
  className?: string;
}) {
  const t = await getTranslations({ locale, namespace: "suggestions" });
  const tMatching = await getTranslations({ locale, namespace: "matching" });
  return (
    <ol className={cn("flex flex-col gap-2", className)}>
      {themes.map((theme, index) => {
        const name = localized(theme, "name", locale);
        const band = scoreBand(theme.score);
        const percent = theme.score ?? 0;
        return (
          <li key={theme.id}>
            <details className="group rounded-xl border border-border bg-card">
              <summary className="flex cursor-pointer list-none items-center gap-3 rounded-xl px-4 py-3 hover:bg-muted/50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
                <span className="w-10 shrink-0 text-sm tabular-nums text-muted-foreground">
                  {t("themeRank", { rank: index + 1 })}
                </span>
                <span className="flex min-w-0 flex-1 flex-col gap-1.5 sm:flex-row sm:items-center sm:gap-4">
                  <span className="min-w-0 font-semibold sm:w-64 sm:shrink-0">{name}</span>
                  <span
                    aria-hidden="true"
                    className="hidden h-2 flex-1 overflow-hidden rounded-full bg-muted sm:block"
                  >
                    <span
                      className="block h-full rounded-full bg-primary"
                      style={{ width: `${percent}%` }}
                    />
                  </span>
                  <span className="flex shrink-0 flex-wrap items-center gap-2">
                    <span className="text-sm font-semibold tabular-nums">
                      {theme.score === null
                        ? tMatching("belowFloor", { floor: SCORE_FLOOR })
                        : t("scoreOutOf", { score: theme.score })}
                    </span>
                    <Badge
                      variant={band === "strong" || band === "good" ? "default" : "muted"}
                      className="text-[11px]"
                    >
                      {tMatching(`band.${band}`)}
                    </Badge>
                  </span>
                </span>
                <ChevronDown
                  aria-hidden="true"
                  className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-180"
                />
              </summary>
              <div className="border-t border-border px-4 py-4 sm:px-6">
                <MatchExplanation
                  explanation={theme.explanation}
                  score={theme.score}
                  locale={locale}
                  themeNames={themeNames}
                  audience={audience}
                  targetThemeSlug={theme.slug}
                  headingLevel={3}
                  hideScore
                />
                <Link
                  href={`/themes/${theme.slug}`}
                  className="mt-4 inline-block text-sm text-primary underline underline-offset-4 hover:no-underline"
                >
                  {t("themeLink", { theme: name })}
                </Link>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}

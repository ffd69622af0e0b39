import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { Completeness, CompletenessKey } from "@/lib/organisations/completeness";

type Href = string | { pathname: string; query?: Record<string, string>; hash?: string };

/** How complete the profile is and what to add, each with why it matters for matching. */
export async function CompletenessCard({
  locale,
  completeness,
  city,
  hrefFor,
  headingLevel = 2,
}: {
  locale: Locale;
  completeness: Completeness;
  city: string;
  /** Where each item can be fixed; no link when undefined. */
  hrefFor?: Partial<Record<CompletenessKey, Href>>;
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations({ locale, namespace: "completeness" });
  const Heading = `h${headingLevel}` as const;
  const { percent, items } = completeness;
  return (
    <Card className="p-5">
      <Heading id="completeness-title" className="text-lg font-semibold">
        {t("title")}
      </Heading>
      <p className="mt-3 text-2xl font-bold tabular-nums text-primary">
        {t("percent", { percent })}
      </p>
      <div
        role="progressbar"
        aria-labelledby="completeness-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t("percent", { percent })}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
      </div>
      {items.length === 0 ? (
        <p className="mt-4 text-sm">{t("allDone")}</p>
      ) : (
        <>
          <p className="mt-4 text-sm text-muted-foreground">{t("intro")}</p>
          <ul className="mt-3 flex flex-col gap-3">
            {items.map((item) => {
              const text =
                item.status === "weak" && (item.key === "description" || item.key === "keywords")
                  ? t(`items.${item.key}.weak`, { count: item.count ?? 0, min: item.min ?? 0 })
                  : t(`items.${item.key}.missing`, { city });
              const href = hrefFor?.[item.key];
              return (
                <li key={item.key} className="flex flex-col items-start gap-1 text-sm">
                  <Badge variant={item.status === "missing" ? "outline" : "muted"}>
                    {t(`status.${item.status}`)}
                  </Badge>
                  {href ? (
                    <Link
                      href={href}
                      className="text-primary underline underline-offset-4 hover:no-underline"
                    >
                      {text}
                    </Link>
                  ) : (
                    <span>{text}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

type Opportunity = {
  slug: string;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  hostNameEn: string;
  hostNameZh: string;
  deadline: Date | null;
  trlMin: number;
  trlMax: number;
  cooperationTypes: string[];
};

export async function OpportunityCard({
  opportunity,
  locale,
}: {
  opportunity: Opportunity;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "opportunity" });
  const tc = await getTranslations({ locale, namespace: "cooperationType" });
  const format = await getFormatter({ locale });
  return (
    <Card className="relative flex h-full flex-col p-5 transition-shadow hover:shadow-md">
      <h3 className="text-lg font-semibold leading-snug">
        <Link
          href={`/opportunities/${opportunity.slug}`}
          className="after:absolute after:inset-0 focus-visible:outline-none focus-visible:underline"
        >
          {localized(opportunity, "title", locale)}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-muted-foreground">
        {localized(opportunity, "hostName", locale)}
      </p>
      <p className="mt-3 line-clamp-3 text-sm">{localized(opportunity, "description", locale)}</p>
      <div className="mt-4 flex flex-wrap gap-1.5">
        {opportunity.cooperationTypes.map((type) => (
          <Badge key={type} variant="secondary">
            {tc(type as never)}
          </Badge>
        ))}
      </div>
      <dl className="mt-auto grid grid-cols-2 gap-2 pt-4 text-sm">
        <div>
          <dt className="text-muted-foreground">{t("deadline")}</dt>
          <dd className="font-medium">
            {opportunity.deadline
              ? format.dateTime(opportunity.deadline, { dateStyle: "medium", timeZone: "UTC" })
              : t("noDeadline")}
          </dd>
        </div>
        <div>
          <dt className="text-muted-foreground">{t("trl")}</dt>
          <dd className="font-medium">
            {t("trlRange", { min: opportunity.trlMin, max: opportunity.trlMax })}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

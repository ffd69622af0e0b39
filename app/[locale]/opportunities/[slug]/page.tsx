import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { InterestCta } from "@/components/interests/interest-cta";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getCaller } from "@/lib/auth/gate";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { isPastDeadline } from "@/lib/interests/dates";
import { findOpenInterest } from "@/lib/interests/queries";
import { getPublicOpportunity } from "@/lib/opportunities/queries";
import { isOpen, today } from "@/lib/opportunities/visibility";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const opportunity = await getPublicOpportunity(slug);
  if (!opportunity) return {};
  return { title: localized(opportunity, "title", locale) };
}

export default async function OpportunityPage({ params }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [opportunity, city] = await Promise.all([getPublicOpportunity(slug), getCityProfile()]);
  if (!opportunity || !city) notFound();
  const t = await getTranslations({ locale, namespace: "opportunity" });
  const tStatus = await getTranslations({ locale, namespace: "status" });
  const tHost = await getTranslations({ locale, namespace: "hostType" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const tOrg = await getTranslations({ locale, namespace: "organisationType" });
  const format = await getFormatter({ locale });
  const open = isOpen(opportunity);
  const daysLeft = opportunity.deadline
    ? Math.round((opportunity.deadline.getTime() - today().getTime()) / 86_400_000)
    : null;
  const theme = opportunity.theme;
  const caller = await getCaller();
  const partnerOrganisation =
    caller?.role === "PARTNER" && caller.organisationId ? caller.organisationId : null;
  const existing = partnerOrganisation
    ? await findOpenInterest(partnerOrganisation, { opportunityId: opportunity.id })
    : null;

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href={`/themes/${theme.slug}`}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {localized(theme, "name", locale)}
      </Link>
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <article>
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={open ? "success" : "muted"}>
              {tStatus(open ? "PUBLISHED" : "CLOSED")}
            </Badge>
            {open && daysLeft !== null && (
              <Badge variant="outline">{t("daysLeft", { days: daysLeft })}</Badge>
            )}
          </div>
          <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">
            {localized(opportunity, "title", locale)}
          </h1>
          <p className="mt-2 text-lg text-muted-foreground">
            {localized(opportunity, "hostName", locale)} · {tHost(opportunity.hostType)}
          </p>
          {!open && (
            <p role="status" className="mt-6 rounded-lg border border-border bg-muted p-4 text-sm">
              {opportunity.status === "CLOSED" ? t("closedNotice") : t("pastDeadline")}
            </p>
          )}
          <h2 className="mt-8 text-xl font-semibold">{t("details")}</h2>
          <div className="mt-3 space-y-4 whitespace-pre-line text-base leading-relaxed">
            {localized(opportunity, "description", locale)}
          </div>
        </article>

        <div className="flex flex-col gap-4 self-start">
          <InterestCta
            locale={locale}
            kind="opportunity"
            slug={opportunity.slug}
            viewer={!caller ? "anonymous" : partnerOrganisation ? "partner" : "other"}
            open={opportunity.status === "PUBLISHED" && !isPastDeadline(opportunity.deadline)}
            existing={existing}
          />
          <Card className="p-5">
            <dl className="space-y-4 text-sm">
              <div>
                <dt className="text-muted-foreground">
                  {t("host", { city: localized(city, "name", locale) })}
                </dt>
                <dd className="font-medium">{localized(opportunity, "hostName", locale)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("theme")}</dt>
                <dd className="font-medium">{localized(theme, "name", locale)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("deadline")}</dt>
                <dd className="font-medium">
                  {opportunity.deadline
                    ? format.dateTime(opportunity.deadline, { dateStyle: "long", timeZone: "UTC" })
                    : t("noDeadline")}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("trl")}</dt>
                <dd className="font-medium">
                  {t("trlRange", { min: opportunity.trlMin, max: opportunity.trlMax })}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("cooperationTypes")}</dt>
                <dd>
                  <ul className="mt-1 flex flex-wrap gap-1.5">
                    {opportunity.cooperationTypes.map((type) => (
                      <li key={type}>
                        <Badge variant="secondary">{tCoop(type)}</Badge>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">{t("partnerTypes")}</dt>
                <dd>
                  <ul className="mt-1 flex flex-wrap gap-1.5">
                    {opportunity.partnerTypes.map((type) => (
                      <li key={type}>
                        <Badge variant="outline">{tOrg(type)}</Badge>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            </dl>
          </Card>
        </div>
      </div>
    </div>
  );
}

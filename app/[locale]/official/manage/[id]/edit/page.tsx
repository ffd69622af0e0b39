import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { ManageStatusActions } from "@/components/official/manage-status-actions";
import { OpportunityForm } from "@/components/official/opportunity-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { getManagedOpportunity, listThemeChoices } from "@/lib/opportunities/manage-queries";
import { isOpen } from "@/lib/opportunities/visibility";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

const SAVED = ["draft", "published", "changes", "closed", "reopened"] as const;
const STATUS_VARIANT = { DRAFT: "outline", PUBLISHED: "success", CLOSED: "muted" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "officialManage" });
  return { title: t("editTitle"), robots: { index: false } };
}

export default async function EditOpportunityPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requirePageCaller(locale, `/official/manage/${encodeURIComponent(id)}/edit`, {
    roles: OFFICIAL_ROLES,
  });
  const [opportunity, themes] = await Promise.all([getManagedOpportunity(id), listThemeChoices()]);
  if (!opportunity) notFound();
  const t = await getTranslations({ locale, namespace: "officialManage" });
  const format = await getFormatter({ locale });
  const savedParam = (await searchParams).saved;
  const saved = SAVED.find((s) => s === savedParam);
  const title = localized(opportunity, "title", locale);
  const updatedAt = opportunity.updatedAt.toISOString();

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href="/official/manage"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("backToList")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("editTitle")}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-4xl">
        {title}
      </h1>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">{t("editLead")}</p>

      {saved && (
        <Alert variant="success" className="mt-6">
          {t(`saved.${saved}`)}
        </Alert>
      )}

      <Card className="mt-6 p-5 sm:p-6">
        <section aria-labelledby="status-title" className="grid gap-6 md:grid-cols-2">
          <div>
            <h2 id="status-title" className="text-xl font-semibold">
              {t("statusTitle")}
            </h2>
            <dl className="mt-3 flex flex-col gap-2 text-sm">
              <div>
                <dt className="sr-only">{t("statusTitle")}</dt>
                <dd>
                  <Badge variant={STATUS_VARIANT[opportunity.status]}>
                    {t(`statusLabel.${opportunity.status}`)}
                  </Badge>
                  {opportunity.publishedAt && (
                    <span className="ml-2 text-muted-foreground">
                      {t("publishedOn", {
                        date: format.dateTime(opportunity.publishedAt, { dateStyle: "medium" }),
                      })}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="font-medium">{t("address")}</dt>
                <dd className="mt-0.5 font-mono text-sm [overflow-wrap:anywhere]">
                  /opportunities/{opportunity.slug}
                </dd>
                <dd className="mt-0.5 text-muted-foreground">
                  {opportunity.publishedAt ? t("addressFixed") : t("addressDraft")}
                </dd>
              </div>
            </dl>
            {opportunity.status !== "DRAFT" && (
              <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm">
                <li>
                  <Link
                    href={`/opportunities/${opportunity.slug}`}
                    className="text-primary underline underline-offset-4 hover:no-underline"
                  >
                    {t("publicPage")}
                  </Link>
                </li>
                <li>
                  <Link
                    href={`/official/opportunities/${opportunity.slug}`}
                    className="text-primary underline underline-offset-4 hover:no-underline"
                  >
                    {t("rankedList")}
                  </Link>
                </li>
              </ul>
            )}
          </div>
          <div>
            {opportunity.status === "DRAFT" ? (
              <p className="text-sm text-muted-foreground">{t("draftHint")}</p>
            ) : (
              <ClientMessages namespaces={["officialManage"]}>
                <ManageStatusActions
                  id={opportunity.id}
                  updatedAt={updatedAt}
                  status={opportunity.status}
                  canReopen={isOpen({ status: "PUBLISHED", deadline: opportunity.deadline })}
                />
              </ClientMessages>
            )}
          </div>
        </section>
      </Card>

      <div className="mt-6">
        <ClientMessages
          namespaces={["officialManage", "cooperationType", "organisationType", "hostType"]}
        >
          <OpportunityForm
            key={updatedAt}
            status={opportunity.status}
            themes={themes.map((theme) => ({
              id: theme.id,
              name: localized(theme, "name", locale),
            }))}
            defaultValues={{
              id: opportunity.id,
              updatedAt,
              intent: "save",
              titleEn: opportunity.titleEn,
              titleZh: opportunity.titleZh,
              descriptionEn: opportunity.descriptionEn,
              descriptionZh: opportunity.descriptionZh,
              hostNameEn: opportunity.hostNameEn,
              hostNameZh: opportunity.hostNameZh,
              themeId: opportunity.themeId,
              hostType: opportunity.hostType,
              cooperationTypes: opportunity.cooperationTypes,
              partnerTypes: opportunity.partnerTypes,
              trlMin: String(opportunity.trlMin),
              trlMax: String(opportunity.trlMax),
              deadline: opportunity.deadline ? opportunity.deadline.toISOString().slice(0, 10) : "",
            }}
          />
        </ClientMessages>
      </div>
    </div>
  );
}

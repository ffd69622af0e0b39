import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { InterestForm } from "@/components/interests/interest-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { getInterestFormContext } from "@/lib/interests/queries";
import { COOPERATION_TYPES } from "@/lib/organisations/schema";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "interests.new" });
  return { title: t("metaTitle"), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

export default async function NewInterestPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const opportunitySlug = one(query.opportunity);
  const themeSlug = opportunitySlug ? undefined : one(query.theme);
  const back = opportunitySlug
    ? `?opportunity=${encodeURIComponent(opportunitySlug)}`
    : themeSlug
      ? `?theme=${encodeURIComponent(themeSlug)}`
      : "";
  const caller = await requirePageCaller(locale, `/interests/new${back}`, {
    roles: ["PARTNER"],
    organisation: true,
  });
  const context = await getInterestFormContext({
    organisationId: caller.organisationId!,
    opportunitySlug,
    themeSlug,
  });
  if (!context) notFound();

  const t = await getTranslations({ locale, namespace: "interests.new" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const format = await getFormatter({ locale });
  const { target, existing } = context;
  const title = locale === "zh" ? target.titleZh : target.titleEn;
  const backHref =
    target.kind === "opportunity" ? `/opportunities/${target.slug}` : `/themes/${target.slug}`;
  // The opportunity's own cooperation types first, then the others.
  const preferred = new Set<string>(context.cooperationTypes);
  const cooperationTypes = [
    ...COOPERATION_TYPES.filter((c) => preferred.has(c)),
    ...COOPERATION_TYPES.filter((c) => !preferred.has(c)),
  ].map((value) => ({ value, label: tCoop(value) }));

  let body: React.ReactNode;
  if (existing) {
    body = (
      <Alert variant="info">
        <p className="font-semibold">{t("alreadyTitle")}</p>
        <p className="mt-1">{t("already", { status: tStatus(existing.status) })}</p>
        <Button asChild className="mt-3">
          <Link href={`/interests/${existing.id}`}>{t("viewExisting")}</Link>
        </Button>
      </Alert>
    );
  } else if (target.state !== "open") {
    body = (
      <Alert variant="warning">
        {target.state === "closed"
          ? t("closed")
          : t("pastDeadline", {
              date:
                target.kind === "opportunity" && target.deadline
                  ? format.dateTime(target.deadline, { dateStyle: "long", timeZone: "UTC" })
                  : "",
            })}
      </Alert>
    );
  } else {
    body = (
      <Card className="p-5 sm:p-6">
        <ClientMessages namespaces={["interests"]}>
          <InterestForm
            target={
              target.kind === "opportunity"
                ? { opportunitySlug: target.slug }
                : { themeSlug: target.slug }
            }
            members={context.members}
            defaultContactId={caller.userId}
            cooperationTypes={cooperationTypes}
          />
        </ClientMessages>
      </Card>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <Link
        href={backHref}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" />
        {target.kind === "opportunity" ? t("back") : t("backToTheme")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("eyebrow")}
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">
        {target.kind === "opportunity"
          ? t("title", { target: title })
          : t("themeTitle", { target: title })}
      </h1>
      <p className="mt-3 text-muted-foreground">
        {target.kind === "opportunity" ? t("lead") : t("themeLead")}
      </p>
      <div className="mt-8">{body}</div>
    </div>
  );
}

import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { InterestTimeline } from "@/components/interests/interest-timeline";
import { ReplyForm } from "@/components/interests/reply-form";
import { InterestStatusBadge } from "@/components/interests/status-badge";
import { WithdrawButton } from "@/components/interests/withdraw-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { getMyInterest } from "@/lib/interests/queries";
import { canTransition } from "@/lib/interests/state";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "interests.detail" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function InterestPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, `/interests/${id}`, {
    roles: ["PARTNER"],
    organisation: true,
  });
  const interest = await getMyInterest(caller.organisationId!, id);
  if (!interest) notFound();

  const t = await getTranslations({ locale, namespace: "interests" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const tReason = await getTranslations({ locale, namespace: "declineReason" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const format = await getFormatter({ locale });

  const title = interest.opportunity
    ? locale === "zh"
      ? interest.opportunity.titleZh
      : interest.opportunity.titleEn
    : t("openInterest", {
        theme: locale === "zh" ? interest.theme.nameZh : interest.theme.nameEn,
      });
  const targetHref = interest.opportunity
    ? `/opportunities/${interest.opportunity.slug}`
    : `/themes/${interest.theme.slug}`;
  const question =
    interest.status === "INFO_REQUESTED"
      ? interest.history.findLast((e) => e.toStatus === "INFO_REQUESTED")?.note
      : undefined;
  const canWithdraw = canTransition(interest.status, "withdraw", "partner");

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href="/interests"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("detail.backToList")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("new.eyebrow")}
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">
        <Link href={targetHref} className="underline-offset-4 hover:underline">
          {title}
        </Link>
      </h1>
      <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-muted-foreground">
        <span className="inline-flex items-center gap-2">
          <span>{t("detail.status")}:</span>
          <InterestStatusBadge status={interest.status} label={tStatus(interest.status)} />
        </span>
        <span>
          {t("submittedOn", {
            date: format.dateTime(interest.createdAt, { dateStyle: "long" }),
          })}
        </span>
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-8">
          {interest.status === "INFO_REQUESTED" && (
            <Card className="border-amber-300 p-5 sm:p-6">
              <h2 className="text-lg font-semibold">{t("detail.questionTitle")}</h2>
              {question && (
                <p className="mt-3 whitespace-pre-line break-words rounded-md bg-muted/60 p-3">
                  {question}
                </p>
              )}
              <div className="mt-4">
                <ClientMessages namespaces={["interests"]}>
                  <ReplyForm key={interest.version} id={interest.id} version={interest.version} />
                </ClientMessages>
              </div>
            </Card>
          )}
          {interest.status === "DECLINED" && (
            <Alert variant="info">
              <h2 className="font-semibold">{t("detail.declinedTitle")}</h2>
              <dl className="mt-2 space-y-2">
                {interest.declineReason && (
                  <div>
                    <dt className="font-medium">{t("detail.declineReason")}</dt>
                    <dd>{tReason(interest.declineReason)}</dd>
                  </div>
                )}
                {interest.declineMessage && (
                  <div>
                    <dt className="font-medium">{t("detail.declineMessage")}</dt>
                    <dd className="whitespace-pre-line break-words">{interest.declineMessage}</dd>
                  </div>
                )}
              </dl>
            </Alert>
          )}
          {interest.status === "ACCEPTED" && (
            <Alert variant="success">
              <h2 className="font-semibold">{t("detail.acceptedTitle")}</h2>
              <p className="mt-1">
                {interest.contactUser
                  ? t("detail.accepted", { name: interest.contactUser.name })
                  : t("detail.acceptedNoContact")}
              </p>
            </Alert>
          )}

          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="text-xl font-semibold">
              {t("detail.timelineTitle")}
            </h2>
            <div className="mt-4 pl-2">
              <InterestTimeline locale={locale} events={interest.history} />
            </div>
          </section>

          {canWithdraw && (
            <section aria-labelledby="withdraw-title" className="border-t border-border pt-6">
              <h2 id="withdraw-title" className="text-xl font-semibold">
                {t("detail.withdrawTitle")}
              </h2>
              <p className="mt-2 max-w-2xl text-sm text-muted-foreground">
                {t("detail.withdrawLead")}
              </p>
              <div className="mt-4 flex flex-col">
                <ClientMessages namespaces={["interests"]}>
                  <WithdrawButton
                    key={interest.version}
                    id={interest.id}
                    version={interest.version}
                  />
                </ClientMessages>
              </div>
            </section>
          )}
        </div>

        <Card className="self-start p-5">
          <h2 className="text-lg font-semibold">{t("detail.summary")}</h2>
          <dl className="mt-4 space-y-4 text-sm">
            <div>
              <dt className="text-muted-foreground">{t("detail.cooperationType")}</dt>
              <dd className="font-medium">{tCoop(interest.cooperationType)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("detail.contact")}</dt>
              <dd className="font-medium">{interest.contactUser?.name ?? "—"}</dd>
            </div>
            {interest.submittedBy && (
              <div>
                <dt className="text-muted-foreground">{t("detail.submittedBy")}</dt>
                <dd className="font-medium">{interest.submittedBy.name}</dd>
              </div>
            )}
            <div>
              <dt className="text-muted-foreground">{t("detail.timeline")}</dt>
              <dd className="whitespace-pre-line break-words">{interest.timeline}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("detail.motivation")}</dt>
              <dd className="whitespace-pre-line break-words">{interest.motivation}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("detail.contribution")}</dt>
              <dd className="whitespace-pre-line break-words">{interest.contribution}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </div>
  );
}

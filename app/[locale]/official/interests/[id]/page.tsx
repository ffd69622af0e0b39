import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/forms/client-messages";
import { ReviewActions, ReviewAssign, ReviewNoteForm } from "@/components/interests/review-actions";
import { ReviewHistory } from "@/components/interests/review-history";
import { InterestStatusBadge } from "@/components/interests/status-badge";
import { MatchExplanation } from "@/components/matching/match-explanation";
import { OrganisationProfile } from "@/components/organisations/organisation-profile";
import { Card } from "@/components/ui/card";
import { getCaller } from "@/lib/auth/gate";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { getReviewInterest, loadReviewInterestPage } from "@/lib/interests/review-queries";
import { waitedParts } from "@/lib/interests/review-schema";
import { availableActions, isOpen, type OfficialAction } from "@/lib/interests/state";
import { isOfficialRole, OFFICIAL_ROLES } from "@/lib/matching/official-schema";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) return {};
  // The title names the organisation only for those who may see the page.
  const caller = await getCaller();
  const t = await getTranslations({ locale, namespace: "reviewDetail" });
  if (!caller || !isOfficialRole(caller.role)) return { robots: { index: false } };
  const interest = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getReviewInterest(caller, id) : null;
  return {
    title: interest ? `${interest.organisation.name} · ${t("metaTitle")}` : t("metaTitle"),
    robots: { index: false },
  };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium">{children}</dd>
    </div>
  );
}

export default async function ReviewInterestPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, `/official/interests/${id}`, {
    roles: OFFICIAL_ROLES,
  });
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) notFound();
  const page = await loadReviewInterestPage(caller, id);
  if (!page) notFound();
  const { interest, history, officials, themeNames, city } = page;

  const t = await getTranslations({ locale, namespace: "reviewDetail" });
  const tQueue = await getTranslations({ locale, namespace: "review" });
  const tActions = await getTranslations({ locale, namespace: "reviewActions" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const tReason = await getTranslations({ locale, namespace: "declineReason" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  const themeName = localized(interest.theme, "name", locale);
  const target = interest.opportunity
    ? localized(interest.opportunity, "title", locale)
    : themeName;
  const statusLabel = tStatus(interest.status);
  const actions = availableActions(interest.status, "official") as OfficialAction[];
  const waitedSeconds = interest.firstReviewedAt
    ? (interest.firstReviewedAt.getTime() - interest.createdAt.getTime()) / 1000
    : interest.status === "SUBMITTED"
      ? (Date.now() - interest.createdAt.getTime()) / 1000
      : null;
  const waited = waitedSeconds === null ? null : waitedParts(waitedSeconds);
  const waitedLabel =
    waited === null
      ? t("notReviewed")
      : waited.unit === "days"
        ? tQueue("waitedDays", { days: waited.value })
        : tQueue("waitedHours", { hours: waited.value });

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <Link
        href="/official/interests"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {tQueue("backToQueue")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("eyebrow")}
      </p>
      <h1 className="mt-2 break-words text-3xl font-bold tracking-tight sm:text-4xl">
        {interest.organisation.name}
      </h1>
      <p className="mt-3 text-lg">
        {interest.opportunity ? t("in", { target }) : t("openInterest", { theme: themeName })}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted-foreground">
        <span className="inline-flex items-center gap-2">
          <span>{t("status")}:</span>
          <InterestStatusBadge status={interest.status} label={statusLabel} />
        </span>
        <span>{t("submittedAt", { date: when(interest.createdAt) })}</span>
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <Card className="p-5 sm:p-6">
            <section aria-labelledby="expression-title">
              <h2 id="expression-title" className="text-xl font-semibold">
                {t("expressionTitle")}
              </h2>
              <dl className="mt-4 grid gap-4 sm:grid-cols-2">
                <div className="sm:col-span-2">
                  <dt className="text-sm font-semibold">{t("motivation")}</dt>
                  <dd className="mt-1 whitespace-pre-line break-words leading-relaxed">
                    {interest.motivation}
                  </dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="text-sm font-semibold">{t("contribution")}</dt>
                  <dd className="mt-1 whitespace-pre-line break-words leading-relaxed">
                    {interest.contribution}
                  </dd>
                </div>
                <div className="sm:col-span-2">
                  <dt className="text-sm font-semibold">{t("timeline")}</dt>
                  <dd className="mt-1 whitespace-pre-line break-words leading-relaxed">
                    {interest.timeline}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm font-semibold">{t("cooperationType")}</dt>
                  <dd className="mt-1">{tCoop(interest.cooperationType)}</dd>
                </div>
                <div>
                  <dt className="text-sm font-semibold">{t("contact")}</dt>
                  <dd className="mt-1 break-words">
                    {interest.contactUser ? (
                      <>
                        {interest.contactUser.name}{" "}
                        <a
                          href={`mailto:${interest.contactUser.email}`}
                          className="text-primary underline underline-offset-4"
                        >
                          {interest.contactUser.email}
                        </a>
                      </>
                    ) : (
                      t("noContact")
                    )}
                  </dd>
                </div>
                {interest.declineReason && (
                  <div className="sm:col-span-2">
                    <dt className="text-sm font-semibold">
                      {t("declined", { reason: tReason(interest.declineReason) })}
                    </dt>
                    {interest.declineMessage && (
                      <dd className="mt-1 whitespace-pre-line break-words">
                        <span className="sr-only">{t("declineMessage")}: </span>
                        {interest.declineMessage}
                      </dd>
                    )}
                  </div>
                )}
              </dl>
            </section>
          </Card>

          <Card className="p-5 sm:p-6">
            <section aria-labelledby="match-title">
              <h2 id="match-title" className="text-xl font-semibold">
                {t("matchTitle")}
              </h2>
              <p className="mt-2 text-sm text-muted-foreground">{t("matchLead", { target })}</p>
              <div className="mt-4">
                {interest.match ? (
                  <MatchExplanation
                    explanation={interest.match.explanation}
                    score={interest.match.score}
                    locale={locale}
                    themeNames={themeNames}
                    audience="official"
                    targetThemeSlug={interest.theme.slug}
                    headingLevel={3}
                  />
                ) : (
                  <p>{t("noMatch")}</p>
                )}
              </div>
            </section>
          </Card>

          <section aria-labelledby="history-title">
            <h2 id="history-title" className="text-xl font-semibold">
              {t("historyTitle")}
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">{t("historyLead")}</p>
            <div className="mt-4">
              <ReviewHistory locale={locale} events={history} />
            </div>
          </section>

          <section aria-labelledby="organisation-title" className="flex flex-col gap-4">
            <h2 id="organisation-title" className="text-xl font-semibold">
              {t("organisationTitle")}
            </h2>
            <OrganisationProfile
              organisation={interest.organisation}
              locale={locale}
              city={city ? localized(city, "name", locale) : ""}
            />
          </section>
        </div>

        <aside className="flex flex-col gap-6 lg:sticky lg:top-6 lg:self-start">
          <ClientMessages namespaces={["reviewActions", "declineReason"]}>
            <Card className="p-5">
              <section aria-labelledby="actions-title" className="flex flex-col gap-3">
                <h2 id="actions-title" className="text-lg font-semibold">
                  {tActions("title")}
                </h2>
                {/* A new version (after a reload) starts the forms afresh, conflict notice gone. */}
                <ReviewActions
                  key={interest.version}
                  id={interest.id}
                  version={interest.version}
                  statusLabel={statusLabel}
                  actions={actions}
                />
              </section>
            </Card>
            <Card className="p-5">
              <section aria-labelledby="assign-title" className="flex flex-col gap-3">
                <h2 id="assign-title" className="text-lg font-semibold">
                  {tActions("assignTitle")}
                </h2>
                <ReviewAssign
                  key={interest.version}
                  id={interest.id}
                  assignee={interest.assignee}
                  officials={officials.map((o) => ({ id: o.id, name: o.name }))}
                  meId={caller.userId}
                  assignable={isOpen(interest.status)}
                />
              </section>
            </Card>
            <Card className="p-5">
              <section aria-labelledby="facts-title">
                <h2 id="facts-title" className="text-lg font-semibold">
                  {t("facts")}
                </h2>
                <dl className="mt-3 grid grid-cols-2 gap-4">
                  <Fact label={t("waited")}>
                    {interest.status === "SUBMITTED" && waited
                      ? t("waiting", { time: waitedLabel })
                      : waitedLabel}
                  </Fact>
                  <Fact label={tQueue("columns.score")}>
                    {interest.match ? interest.match.score : tQueue("noScore")}
                  </Fact>
                  {interest.firstReviewedAt && (
                    <Fact label={t("firstReviewed")}>{when(interest.firstReviewedAt)}</Fact>
                  )}
                  {interest.decidedAt && (
                    <Fact label={t("decided")}>{when(interest.decidedAt)}</Fact>
                  )}
                </dl>
              </section>
            </Card>
            <Card className="p-5">
              <section aria-labelledby="notes-title" className="flex flex-col gap-3">
                <h2 id="notes-title" className="text-lg font-semibold">
                  {tActions("notesTitle")}
                </h2>
                <p className="text-sm text-muted-foreground">{tActions("notesLead")}</p>
                {interest.notes.length === 0 ? (
                  <p className="text-sm">{tActions("noNotes")}</p>
                ) : (
                  <ul className="flex flex-col gap-3">
                    {interest.notes.map((note) => (
                      <li key={note.id} className="rounded-md border border-border bg-muted/40 p-3">
                        <p className="whitespace-pre-line break-words text-sm">{note.body}</p>
                        <p className="mt-1 text-xs text-muted-foreground">
                          {tActions("noteBy", {
                            name: note.author?.name ?? tActions("unknownPerson"),
                            time: when(note.createdAt),
                          })}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
                <ReviewNoteForm id={interest.id} />
              </section>
            </Card>
          </ClientMessages>
        </aside>
      </div>
    </div>
  );
}

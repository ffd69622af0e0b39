import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { InterestStatusBadge } from "@/components/interests/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { listMyInterests } from "@/lib/interests/queries";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "interests" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function MyInterestsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/interests", {
    roles: ["PARTNER"],
    organisation: true,
  });
  const query = await searchParams;
  const requested = Number(typeof query.page === "string" ? query.page : 1);
  const { rows, total, page, pages } = await listMyInterests(caller.organisationId!, requested);

  const t = await getTranslations({ locale, namespace: "interests" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const tNotes = await getTranslations({ locale, namespace: "notifications" });
  const format = await getFormatter({ locale });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary">{t("eyebrow")}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted-foreground">{t("lead")}</p>

      {total === 0 ? (
        <Card className="mt-8 p-6">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-muted-foreground">{t("emptyHint")}</p>
          <Button asChild className="mt-4">
            <Link href="/#themes">{t("browseThemes")}</Link>
          </Button>
        </Card>
      ) : (
        <ul className="mt-8 flex flex-col gap-4" aria-label={t("listCaption")}>
          {rows.map((row) => {
            const target = row.opportunity
              ? locale === "zh"
                ? row.opportunity.titleZh
                : row.opportunity.titleEn
              : t("openInterest", {
                  theme: locale === "zh" ? row.theme.nameZh : row.theme.nameEn,
                });
            return (
              <li key={row.id}>
                <Card className="p-5">
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <h2 className="text-lg font-semibold leading-snug">
                        <Link
                          href={`/interests/${row.id}`}
                          className="underline underline-offset-4 hover:no-underline"
                        >
                          {target}
                        </Link>
                      </h2>
                      <p className="mt-1 text-sm text-muted-foreground">
                        {t("submittedOn", { date: date(row.createdAt) })} ·{" "}
                        {t("lastChange", { date: date(row.lastChangeAt) })}
                      </p>
                    </div>
                    <div className="flex flex-wrap items-center gap-2">
                      {row.status === "INFO_REQUESTED" && (
                        <Badge variant="outline" className="border-amber-400 text-amber-900">
                          {t("actionNeeded")}
                        </Badge>
                      )}
                      <InterestStatusBadge status={row.status} label={tStatus(row.status)} />
                    </div>
                  </div>
                  <ol
                    className="mt-4 flex flex-wrap gap-x-2 gap-y-1 text-xs text-muted-foreground"
                    aria-label={t("detail.timelineTitle")}
                  >
                    {row.events.map((event, index) => (
                      <li key={event.id} className="inline-flex items-center gap-2">
                        {index > 0 && <span aria-hidden="true">→</span>}
                        <span>
                          <span className="font-medium text-foreground">
                            {t(`timeline.${event.toStatus}`)}
                          </span>{" "}
                          <time dateTime={event.createdAt.toISOString()}>
                            {date(event.createdAt)}
                          </time>
                        </span>
                      </li>
                    ))}
                  </ol>
                </Card>
              </li>
            );
          })}
        </ul>
      )}

      {pages > 1 && (
        <nav
          aria-label={tNotes("pagination")}
          className="mt-6 flex items-center justify-between gap-4"
        >
          {page > 1 ? (
            <Link
              href={`/interests?page=${page - 1}`}
              className="text-primary underline underline-offset-4"
            >
              {tNotes("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-muted-foreground">{tNotes("pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link
              href={`/interests?page=${page + 1}`}
              className="text-primary underline underline-offset-4"
            >
              {tNotes("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}

import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { linkify } from "@/lib/email/linkify";
import { getOutboxMessage } from "@/lib/email/queries";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "outbox" });
  return { title: t("detail.title"), robots: { index: false } };
}

const statusVariant = { QUEUED: "muted", SENT: "success", FAILED: "outline" } as const;

export default async function OutboxMessagePage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requirePageCaller(locale, `/admin/outbox/${id}`, { roles: ["ADMIN"] });
  const message = await getOutboxMessage(id);
  if (!message) notFound();
  const t = await getTranslations({ locale, namespace: "outbox" });
  const format = await getFormatter({ locale });
  const dateTime = (date: Date) => (
    <time dateTime={date.toISOString()}>
      {format.dateTime(date, { dateStyle: "medium", timeStyle: "long" })}
    </time>
  );

  const headers: Array<[string, ReactNode]> = [
    [t("detail.from"), message.from],
    [t("detail.to"), message.to],
    [t("detail.subject"), message.subject],
    [t("detail.createdAt"), dateTime(message.createdAt)],
    [t("detail.template"), <code key="template">{message.template}</code>],
    [t("detail.locale"), message.locale],
    [t("detail.id"), <code key="id">{message.id}</code>],
  ];
  const delivery: Array<[string, ReactNode]> = [
    [
      t("detail.status"),
      <Badge key="status" variant={statusVariant[message.status]}>
        {t(`status.${message.status}`)}
      </Badge>,
    ],
    [t("detail.attempts"), message.attempts],
    [t("detail.sentAt"), message.sentAt ? dateTime(message.sentAt) : t("detail.notSent")],
    [t("detail.transport"), message.transport ?? "—"],
  ];

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href="/admin/outbox"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("backToList")}
      </Link>
      <h1 className="mt-4 text-2xl font-bold tracking-tight break-words sm:text-3xl">
        {message.subject}
      </h1>

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <section
          aria-labelledby="headers-title"
          className="rounded-xl border border-border bg-card p-5 shadow-sm"
        >
          <h2 id="headers-title" className="text-lg font-semibold">
            {t("detail.headers")}
          </h2>
          <DefinitionList rows={headers} />
        </section>
        <section
          aria-labelledby="delivery-title"
          className="rounded-xl border border-border bg-card p-5 shadow-sm"
        >
          <h2 id="delivery-title" className="text-lg font-semibold">
            {t("detail.status")}
          </h2>
          <DefinitionList rows={delivery} />
          {message.lastError ? (
            <div className="mt-4">
              <h3 className="text-sm font-semibold">{t("detail.lastError")}</h3>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-muted p-3 text-xs">
                {message.lastError}
              </pre>
            </div>
          ) : null}
        </section>
      </div>

      <section
        aria-labelledby="body-title"
        className="mt-6 rounded-xl border border-border bg-card p-5 shadow-sm"
      >
        <h2 id="body-title" className="text-lg font-semibold">
          {t("detail.body")}
        </h2>
        <pre
          lang={message.locale === "zh" ? "zh-CN" : "en"}
          className="mt-3 whitespace-pre-wrap break-words font-mono text-sm leading-relaxed"
        >
          {linkify(message.text).map((segment) =>
            "url" in segment ? (
              <a
                key={segment.start}
                href={segment.url}
                className="break-all text-primary underline underline-offset-2"
              >
                {segment.url}
              </a>
            ) : (
              <Fragment key={segment.start}>{segment.text}</Fragment>
            ),
          )}
        </pre>
      </section>
    </div>
  );
}

function DefinitionList({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-muted-foreground sm:py-1">{term}</dt>
          <dd className="mb-2 break-all sm:mb-0 sm:py-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

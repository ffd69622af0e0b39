import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { listOutbox } from "@/lib/email/queries";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ page?: string | string[]; to?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "outbox" });
  return { title: t("title"), robots: { index: false } };
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

const statusVariant = { QUEUED: "muted", SENT: "success", FAILED: "outline" } as const;

export default async function OutboxPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const to = single(query.to)?.slice(0, 320);
  const requestedPage = Number.parseInt(single(query.page) ?? "1", 10);
  // After signing in, come back to the same filter.
  const back = new URLSearchParams(to ? { to } : {}).toString();
  await requirePageCaller(locale, `/admin/outbox${back ? `?${back}` : ""}`, { roles: ["ADMIN"] });

  const outbox = await listOutbox({ page: Number.isFinite(requestedPage) ? requestedPage : 1, to });
  const t = await getTranslations({ locale, namespace: "outbox" });
  const format = await getFormatter({ locale });
  const pageHref = (page: number) => ({
    pathname: "/admin/outbox",
    query: { ...(to ? { to } : {}), ...(page > 1 ? { page: String(page) } : {}) },
  });

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted-foreground">{t("description")}</p>

      <form method="get" className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1.5 sm:max-w-md">
          <Label htmlFor="outbox-to">{t("filterLabel")}</Label>
          <Input id="outbox-to" name="to" type="email" defaultValue={to ?? ""} autoComplete="off" />
        </div>
        <div className="flex gap-3">
          <Button type="submit">{t("filterSubmit")}</Button>
          {to ? (
            <Button asChild variant="outline">
              <Link href="/admin/outbox">{t("filterClear")}</Link>
            </Button>
          ) : null}
        </div>
      </form>

      <p className="mt-6 text-sm text-muted-foreground" aria-live="polite">
        {t("total", { count: outbox.total })}
      </p>

      {outbox.items.length === 0 ? (
        <p className="mt-4 rounded-xl border border-border bg-card p-6">
          {to ? t("emptyFiltered", { to }) : t("empty")}
        </p>
      ) : (
        <section
          aria-labelledby="outbox-caption"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          tabIndex={0}
          className="mt-4 overflow-x-auto rounded-xl border border-border bg-card shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
            <caption id="outbox-caption" className="sr-only">
              {t("tableCaption", { page: outbox.page, pages: outbox.pages })}
            </caption>
            <thead className="border-b border-border bg-muted/60">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.createdAt")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.to")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.subject")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.template")}
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  {t("columns.attempts")}
                </th>
              </tr>
            </thead>
            <tbody>
              {outbox.items.map((message) => (
                <tr key={message.id} className="border-b border-border last:border-b-0">
                  <td className="whitespace-nowrap px-4 py-3 tabular-nums">
                    <time dateTime={message.createdAt.toISOString()}>
                      {format.dateTime(message.createdAt, {
                        dateStyle: "medium",
                        timeStyle: "medium",
                      })}
                    </time>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">{message.to}</td>
                  <th scope="row" className="min-w-[14rem] px-4 py-3 font-medium">
                    <Link
                      href={`/admin/outbox/${message.id}`}
                      className="text-primary underline underline-offset-4 hover:no-underline"
                    >
                      {message.subject}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">
                    {message.template}
                  </td>
                  <td className="px-4 py-3">
                    <Badge variant={statusVariant[message.status]}>
                      {t(`status.${message.status}`)}
                    </Badge>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{message.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {outbox.pages > 1 ? (
        <nav aria-label={t("pagination")} className="mt-6 flex flex-wrap items-center gap-3">
          {outbox.page > 1 ? (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(outbox.page - 1)} rel="prev">
                {t("previous")}
              </Link>
            </Button>
          ) : null}
          <p className="text-sm text-muted-foreground">
            {t("pageOf", { page: outbox.page, pages: outbox.pages })}
          </p>
          {outbox.page < outbox.pages ? (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(outbox.page + 1)} rel="next">
                {t("next")}
              </Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

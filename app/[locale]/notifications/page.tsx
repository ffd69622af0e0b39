import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { NotificationLink } from "@/components/notifications/notification-link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { listNotifications, type NotificationItem } from "@/lib/notifications/queries";
import { cn } from "@/lib/utils";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "notifications" });
  return { title: t("metaTitle"), robots: { index: false } };
}

const STATUSES = new Set([
  "SUBMITTED",
  "IN_REVIEW",
  "INFO_REQUESTED",
  "PARTNER_REPLIED",
  "SHORTLISTED",
  "ACCEPTED",
  "DECLINED",
  "WITHDRAWN",
]);

export default async function NotificationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/notifications");
  const query = await searchParams;
  const requested = Number(typeof query.page === "string" ? query.page : 1);
  const { items, unread, page, pages } = await listNotifications(caller, requested);

  const t = await getTranslations({ locale, namespace: "notifications" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const format = await getFormatter({ locale });

  const textOf = (item: NotificationItem) => {
    const target = item.interest
      ? locale === "zh"
        ? item.interest.targetZh
        : item.interest.targetEn
      : "";
    const organisation = item.interest?.organisationName ?? "";
    switch (item.kind) {
      case "interest.status": {
        const to = String(item.data.to ?? "");
        return t("kinds.status", {
          target,
          status: STATUSES.has(to) ? tStatus(to as "SUBMITTED") : to,
        });
      }
      case "interest.infoRequested":
        return t("kinds.infoRequested", { target });
      case "interest.assigned":
        return t("kinds.assigned", { organisation, target });
      case "interest.replied":
        return t("kinds.replied", { organisation, target });
      case "interest.withdrawn":
        return t("kinds.withdrawn", { organisation, target });
      case "interest.digest":
        return t("kinds.digest", {
          count: Number(item.data.count ?? 0),
          days: Number(item.data.days ?? 0),
        });
      default:
        return t("kinds.other");
    }
  };

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-muted-foreground">{t("lead")}</p>
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium">{t("unreadCount", { count: unread })}</p>
        {unread > 0 && <MarkReadButton label={t("markAllRead")} />}
      </div>

      {items.length === 0 ? (
        <Card className="mt-6 p-6 text-muted-foreground">{t("empty")}</Card>
      ) : (
        <ul className="mt-6 flex flex-col gap-3">
          {items.map((item) => {
            const text = textOf(item);
            return (
              <li key={item.id}>
                <Card
                  className={cn(
                    "flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between",
                    !item.read && "border-primary/40 bg-primary/5",
                  )}
                >
                  <div className="min-w-0">
                    <p className={cn("break-words", !item.read && "font-medium")}>
                      {!item.read && (
                        <Badge variant="default" className="mr-2 align-middle">
                          {t("unread")}
                        </Badge>
                      )}
                      {item.path ? (
                        <NotificationLink
                          id={item.id}
                          href={`/${locale}${item.path}`}
                          unread={!item.read}
                        >
                          {text}
                        </NotificationLink>
                      ) : (
                        text
                      )}
                    </p>
                    <p className="mt-1 text-sm text-muted-foreground">
                      <time dateTime={item.createdAt.toISOString()}>
                        {format.dateTime(item.createdAt, {
                          dateStyle: "medium",
                          timeStyle: "short",
                        })}
                      </time>
                    </p>
                  </div>
                  {!item.read && (
                    <div className="shrink-0">
                      <MarkReadButton
                        id={item.id}
                        label={t("markRead")}
                        ariaLabel={t("markReadFor", { text })}
                        variant="ghost"
                      />
                    </div>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      )}

      {pages > 1 && (
        <nav aria-label={t("pagination")} className="mt-6 flex items-center justify-between gap-4">
          {page > 1 ? (
            <Link
              href={`/notifications?page=${page - 1}`}
              className="text-primary underline underline-offset-4"
            >
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-muted-foreground">{t("pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link
              href={`/notifications?page=${page + 1}`}
              className="text-primary underline underline-offset-4"
            >
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}

import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { InterestHistoryEvent } from "@/lib/interests/queries";
import { cn } from "@/lib/utils";

/**
 * The partner's view of an expression's history: each status change with
 * when, by whom (officials appear as the Hohhot team) and its note, labelled
 * as the question, the answer or the message it is.
 */
export async function InterestTimeline({
  locale,
  events,
}: {
  locale: Locale;
  events: InterestHistoryEvent[];
}) {
  const t = await getTranslations({ locale, namespace: "interests.timeline" });
  const tReason = await getTranslations({ locale, namespace: "declineReason" });
  const format = await getFormatter({ locale });
  const statusEvents = events.filter((e) => e.kind === "STATUS");
  if (statusEvents.length === 0) return <p className="text-muted-foreground">{t("empty")}</p>;
  const noteLabel = (e: InterestHistoryEvent) =>
    e.toStatus === "INFO_REQUESTED"
      ? t("question")
      : e.toStatus === "PARTNER_REPLIED"
        ? t("answer")
        : e.toStatus === "DECLINED"
          ? t("message")
          : t("note");

  return (
    <ol className="relative flex flex-col gap-6 border-l border-border pl-6">
      {statusEvents.map((event, index) => {
        const last = index === statusEvents.length - 1;
        return (
          <li key={event.id} className="relative">
            <span
              aria-hidden="true"
              className={cn(
                "absolute -left-[1.85rem] top-1 size-3 rounded-full border-2 border-background",
                last ? "bg-primary" : "bg-muted-foreground/50",
              )}
            />
            <p className="font-medium">{t(event.toStatus)}</p>
            <p className="text-sm text-muted-foreground">
              <time dateTime={event.createdAt.toISOString()}>
                {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {event.actor.role === "PARTNER" && event.actor.name
                ? ` · ${t("byPerson", { name: event.actor.name })}`
                : event.actor.role
                  ? ` · ${t("byTeam")}`
                  : null}
            </p>
            {event.declineReason && <p className="mt-1 text-sm">{tReason(event.declineReason)}</p>}
            {event.note && (
              <div className="mt-2 rounded-md border border-border bg-muted/50 p-3 text-sm">
                <p className="font-medium">{noteLabel(event)}</p>
                <p className="mt-1 whitespace-pre-line break-words">{event.note}</p>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

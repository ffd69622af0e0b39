// The officials' view of an expression's history: every event, oldest first,
// with who acted (by name), status changes, assignments, and the messages
// exchanged with the partner (questions, answers, decline messages).
import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { InterestHistoryEvent } from "@/lib/interests/queries";
import { cn } from "@/lib/utils";

export async function ReviewHistory({
  locale,
  events,
}: {
  locale: Locale;
  events: InterestHistoryEvent[];
}) {
  const t = await getTranslations({ locale, namespace: "reviewDetail" });
  const tStatus = await getTranslations({ locale, namespace: "interestStatus" });
  const tReason = await getTranslations({ locale, namespace: "declineReason" });
  const format = await getFormatter({ locale });
  if (events.length === 0) return <p className="text-muted-foreground">{t("noHistory")}</p>;

  return (
    <ol className="relative flex flex-col gap-5 border-l border-border pl-6">
      {events.map((event, index) => {
        const title =
          event.kind === "ASSIGNMENT"
            ? event.assignment?.to
              ? t("eventAssigned", { name: event.assignment.to.name })
              : t("eventUnassigned")
            : event.fromStatus === null
              ? t("eventSubmitted")
              : t("eventStatus", {
                  from: tStatus(event.fromStatus),
                  to: tStatus(event.toStatus),
                });
        // No actor left (an account deleted, or imported data): the partner's own steps are still theirs.
        const partnerStep =
          event.actor.role === "PARTNER" ||
          (event.actor.role === null &&
            (event.fromStatus === null || event.action === "reply" || event.action === "withdraw"));
        const who = partnerStep
          ? event.actor.name
            ? `${t("eventByPartner")} (${event.actor.name})`
            : t("eventByPartner")
          : t("eventBy", { name: event.actor.name ?? t("system") });
        return (
          <li key={event.id} className="relative">
            <span
              aria-hidden="true"
              className={cn(
                "absolute -left-[1.85rem] top-1 size-3 rounded-full border-2 border-background",
                index === events.length - 1 ? "bg-primary" : "bg-muted-foreground/50",
              )}
            />
            <p className="font-medium">{title}</p>
            <p className="text-sm text-muted-foreground">
              <time dateTime={event.createdAt.toISOString()}>
                {format.dateTime(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {` · ${who}`}
            </p>
            {event.declineReason && <p className="mt-1 text-sm">{tReason(event.declineReason)}</p>}
            {event.note && (
              <div className="mt-2 rounded-md border border-border bg-muted/50 p-3 text-sm">
                <p className="font-medium">{t("eventNote")}</p>
                <p className="mt-1 whitespace-pre-line break-words">{event.note}</p>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

"use client";

import { Mail } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import { inviteToExpressInterestAction } from "@/lib/interest-invites/actions";

/**
 * "Invite to express interest" on a ranked list, with a confirm step that
 * says who will get the email. After sending it shows the date instead.
 */
export function InviteButton({
  organisationId,
  organisationName,
  targetKind,
  targetId,
  members,
}: {
  organisationId: string;
  organisationName: string;
  targetKind: "THEME" | "OPPORTUNITY";
  targetId: string;
  /** Active members with a confirmed address: who will receive the email. */
  members: number;
}) {
  const t = useTranslations("interestInvite");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const router = useRouter();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const inviteRef = useRef<HTMLButtonElement>(null);
  const [step, setStep] = useState<"idle" | "confirm">("idle");
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState<{ at: string; recipients: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });

  if (done)
    return (
      <p role="status" className="text-sm">
        <span className="font-medium">{t("invitedOn", { date: date(done.at) })}</span>
        <span className="block text-muted-foreground">{t("sent", { count: done.recipients })}</span>
      </p>
    );

  const send = () =>
    startTransition(async () => {
      setError(null);
      const result = await inviteToExpressInterestAction({
        organisationId,
        targetKind,
        targetId,
      }).catch(() => null);
      if (!result) {
        setError(tErrors("UNAVAILABLE"));
        return;
      }
      if (result.ok) {
        setDone({ at: result.data.invitedAt, recipients: result.data.recipients });
        router.refresh();
        return;
      }
      const reason = result.details?.reason;
      if (reason === "recent" && result.details?.at)
        setError(t("recent", { date: date(result.details.at) }));
      else if (reason === "noMembers") setError(t("noMembersError"));
      else if (reason === "notInvitable") setError(t("notInvitable"));
      else
        setError(
          tErrors(result.code, {
            minutes: Math.max(1, Math.ceil((result.retryAfter ?? 60) / 60)),
          }),
        );
      setStep("idle");
    });

  return (
    <div className="flex flex-col gap-2">
      {step === "idle" ? (
        <div>
          <Button
            ref={inviteRef}
            type="button"
            variant="outline"
            size="sm"
            onClick={() => {
              setError(null);
              setStep("confirm");
              requestAnimationFrame(() => confirmRef.current?.focus());
            }}
          >
            <Mail aria-hidden="true" className="size-4" />
            <span aria-hidden="true">{t("invite")}</span>
            <span className="sr-only">{t("inviteFor", { name: organisationName })}</span>
          </Button>
        </div>
      ) : (
        <fieldset className="rounded-lg border border-border bg-background p-3 text-left">
          <legend className="sr-only">{t("inviteFor", { name: organisationName })}</legend>
          <p className="text-sm">
            {t("confirmQuestion", { count: members, name: organisationName })}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button ref={confirmRef} type="button" size="sm" disabled={pending} onClick={send}>
              {pending ? t("sending") : t("confirm")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              disabled={pending}
              onClick={() => {
                setStep("idle");
                requestAnimationFrame(() => inviteRef.current?.focus());
              }}
            >
              {t("cancel")}
            </Button>
          </div>
        </fieldset>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

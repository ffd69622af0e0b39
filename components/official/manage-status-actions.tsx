"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import { closeOpportunityAction, reopenOpportunityAction } from "@/lib/opportunities/actions";

/** Close a published opportunity, or reopen a closed one whose deadline allows it. */
export function ManageStatusActions({
  id,
  updatedAt,
  status,
  canReopen,
}: {
  id: string;
  updatedAt: string;
  status: "PUBLISHED" | "CLOSED";
  canReopen: boolean;
}) {
  const t = useTranslations("officialManage");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const run = (kind: "close" | "reopen") =>
    startTransition(async () => {
      setError(null);
      const action = kind === "close" ? closeOpportunityAction : reopenOpportunityAction;
      const result = await action({ id, updatedAt }).catch(() => null);
      if (!result) {
        setError(tErrors("UNAVAILABLE"));
        return;
      }
      if (result.ok) {
        router.push({
          pathname: `/official/manage/${id}/edit`,
          query: { saved: kind === "close" ? "closed" : "reopened" },
        });
        router.refresh();
        return;
      }
      if (result.code === "CONFLICT") {
        const at = format.dateTime(new Date(result.details?.at ?? Date.now()), {
          dateStyle: "medium",
          timeStyle: "short",
        });
        setError(
          `${result.details?.by ? t("conflict", { by: result.details.by, at }) : t("conflictAnonymous", { at })} ${t("conflictHelp")}`,
        );
      } else if (result.fieldErrors?._form === "deadlinePassedReopen") {
        setError(t("validation.deadlinePassedReopen"));
      } else {
        setError(tErrors(result.code, { minutes: 1 }));
      }
    });

  return (
    <div className="flex flex-col gap-3">
      {status === "PUBLISHED" ? (
        <>
          <p className="text-sm text-muted-foreground">{t("closeHint")}</p>
          <div>
            <Button type="button" variant="outline" disabled={pending} onClick={() => run("close")}>
              {pending ? t("working") : t("close")}
            </Button>
          </div>
        </>
      ) : canReopen ? (
        <>
          <p className="text-sm text-muted-foreground">{t("reopenHint")}</p>
          <div>
            <Button
              type="button"
              variant="outline"
              disabled={pending}
              onClick={() => run("reopen")}
            >
              {pending ? t("working") : t("reopen")}
            </Button>
          </div>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t("reopenBlocked")}</p>
      )}
      {error && <Alert variant="error">{error}</Alert>}
    </div>
  );
}

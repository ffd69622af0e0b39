"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action";

/**
 * Revokes one pending invitation through the action it is given (a partner's
 * or an admin's); the server decides whether the invitation is in scope.
 */
export function RevokeInvitationButton({
  invitationId,
  email,
  action,
}: {
  invitationId: string;
  email: string;
  action: (input: { invitationId: string }) => Promise<ActionResult<undefined>>;
}) {
  const t = useTranslations("members");
  const tErrors = useTranslations("errors");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const revoke = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await action({ invitationId });
        if (result.ok) {
          // The row stays, saying what happened, until the list is next loaded.
          setDone(true);
        } else setError(tErrors(result.code, { minutes: 1 }));
      } catch {
        setError(tErrors("UNAVAILABLE"));
      }
    });

  if (done) {
    return (
      <p role="status" className="text-sm text-muted-foreground">
        {t("revoked")}
      </p>
    );
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={revoke}
        disabled={pending}
        aria-label={t("revokeLabel", { email })}
      >
        {pending ? t("revoking") : t("revoke")}
      </Button>
      {error && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

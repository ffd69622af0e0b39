"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { revokeApiTokenAction } from "@/lib/api/actions";

/** Revokes one token after an inline confirmation; the server decides whether it is in scope. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) revokeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const revoke = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await revokeApiTokenAction({ tokenId });
        if (result.ok) {
          setDone(true);
          router.refresh();
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
    <div className="flex flex-col items-start gap-2">
      {confirming ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm">{t("confirmRevoke", { name })}</legend>
          <div className="flex flex-wrap gap-2">
            <Button
              ref={confirmRef}
              type="button"
              variant="destructive"
              size="sm"
              onClick={revoke}
              disabled={pending}
            >
              {pending ? t("revoking") : t("confirm")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => setConfirming(false)}
              disabled={pending}
            >
              {t("cancel")}
            </Button>
          </div>
        </fieldset>
      ) : (
        <Button
          ref={revokeRef}
          type="button"
          variant="outline"
          size="sm"
          onClick={() => setConfirming(true)}
          aria-label={t("revokeLabel", { name })}
        >
          {t("revoke")}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

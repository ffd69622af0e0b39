"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";

/** Someone changed the expression meanwhile: say when, and offer to reload. */
export function ConflictNotice({ at }: { at: string | undefined }) {
  const t = useTranslations("interests.detail");
  const format = useFormatter();
  const router = useRouter();
  const when = at
    ? format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" })
    : "—";
  return (
    <Alert variant="warning" role="alert">
      <p>{t("conflict", { at: when })}</p>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="mt-2"
        onClick={() => router.refresh()}
      >
        {t("reload")}
      </Button>
    </Alert>
  );
}

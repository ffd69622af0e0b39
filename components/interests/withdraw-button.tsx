"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { useRouter } from "@/lib/i18n/navigation";
import { withdrawInterest } from "@/lib/interests/actions";
import { type WithdrawInterestInput, withdrawInterestSchema } from "@/lib/interests/schema";
import { ConflictNotice } from "./conflict-notice";

/** Withdraw, in two steps: the button opens a confirmation with an optional reason. */
export function WithdrawButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations("interests.detail");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [conflictAt, setConflictAt] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    WithdrawInterestInput,
    unknown
  >({
    schema: withdrawInterestSchema,
    action: async (values) => {
      const result = await withdrawInterest(values);
      if (!result.ok && result.code === "CONFLICT") setConflictAt(result.details?.at ?? "");
      return result;
    },
    defaultValues: { id, version, note: "" },
    onSuccess: () => {
      setConfirming(false);
      router.refresh();
    },
  });

  if (!confirming) {
    return (
      <Button
        type="button"
        variant="outline"
        className="self-start"
        onClick={() => setConfirming(true)}
      >
        {t("withdraw")}
      </Button>
    );
  }
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="withdraw-question"
      className="flex flex-col gap-4 rounded-lg border border-border bg-muted/40 p-4"
    >
      <p id="withdraw-question" className="font-medium">
        {t("withdrawQuestion")}
      </p>
      {conflictAt !== null ? (
        <ConflictNotice at={conflictAt || undefined} />
      ) : (
        formError && <Alert variant="error">{formError}</Alert>
      )}
      <input type="hidden" {...form.register("id")} />
      <input type="hidden" {...form.register("version")} />
      <Field label={t("withdrawReason")} error={errorOf("note")}>
        <Textarea rows={2} {...form.register("note")} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="destructive" disabled={submitting}>
          {submitting ? t("withdrawing") : t("withdrawConfirm")}
        </Button>
        <Button type="button" variant="outline" onClick={() => setConfirming(false)}>
          {t("withdrawCancel")}
        </Button>
      </div>
    </form>
  );
}

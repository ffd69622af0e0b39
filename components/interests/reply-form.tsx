"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { useRouter } from "@/lib/i18n/navigation";
import { replyToRequest } from "@/lib/interests/actions";
import {
  INTEREST_LIMITS,
  type ReplyToRequestInput,
  replyToRequestSchema,
} from "@/lib/interests/schema";
import { ConflictNotice } from "./conflict-notice";

/** The partner answers the Hohhot team's question. */
export function ReplyForm({ id, version }: { id: string; version: number }) {
  const t = useTranslations("interests.detail");
  const router = useRouter();
  const [conflictAt, setConflictAt] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    ReplyToRequestInput,
    unknown
  >({
    schema: replyToRequestSchema,
    action: async (values) => {
      const result = await replyToRequest(values);
      if (!result.ok && result.code === "CONFLICT") setConflictAt(result.details?.at ?? "");
      return result;
    },
    defaultValues: { id, version, answer: "" },
    onSuccess: () => router.refresh(),
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {conflictAt !== null ? (
        <ConflictNotice at={conflictAt || undefined} />
      ) : (
        formError && <Alert variant="error">{formError}</Alert>
      )}
      <input type="hidden" {...form.register("id")} />
      <input type="hidden" {...form.register("version")} />
      <Field
        label={t("answer")}
        hint={t("answerHint", { min: INTEREST_LIMITS.noteMin, max: INTEREST_LIMITS.noteMax })}
        error={errorOf("answer")}
      >
        <Textarea rows={5} {...form.register("answer")} />
      </Field>
      <Button type="submit" disabled={submitting} className="self-start">
        {submitting ? t("sending") : t("sendAnswer")}
      </Button>
    </form>
  );
}

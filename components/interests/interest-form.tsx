"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select, Textarea } from "@/components/ui/input";
import { useRouter } from "@/lib/i18n/navigation";
import { submitInterest } from "@/lib/interests/actions";
import {
  INTEREST_LIMITS,
  type SubmitInterestInput,
  submitInterestSchema,
} from "@/lib/interests/schema";
import type { ActionResult } from "@/lib/server/action";

type Props = {
  target: { opportunitySlug?: string; themeSlug?: string };
  members: Array<{ id: string; name: string; email: string }>;
  defaultContactId: string;
  /** Cooperation types in the order to offer them, with their labels. */
  cooperationTypes: Array<{ value: string; label: string }>;
};

/**
 * The expression-of-interest form. The submission key is made once per form:
 * a double click or a retry sends the same key, and the server answers every
 * copy with the same expression.
 */
export function InterestForm({ target, members, defaultContactId, cooperationTypes }: Props) {
  const t = useTranslations("interests.new");
  const router = useRouter();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [submissionKey] = useState(() => crypto.randomUUID());
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    SubmitInterestInput,
    { id: string; created: boolean }
  >({
    schema: submitInterestSchema,
    action: async (values) => {
      const result: ActionResult<{ id: string; created: boolean }> = await submitInterest(values);
      if (!result.ok && result.details?.reason) setRefusal(result.details.reason);
      return result;
    },
    defaultValues: {
      ...target,
      motivation: "",
      contribution: "",
      timeline: "",
      contactUserId: defaultContactId,
      submissionKey,
    },
    onSuccess: ({ id }) => router.push(`/interests/${id}`),
  });
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const motivation = form.watch("motivation") ?? "";
  const contribution = form.watch("contribution") ?? "";

  return (
    <form
      method="post"
      onSubmit={async (event) => {
        // One submission at a time; the server also answers repeats with the same expression.
        if (inFlight.current) {
          event.preventDefault();
          return;
        }
        inFlight.current = true;
        setBusy(true);
        try {
          await onSubmit(event);
        } finally {
          inFlight.current = false;
          setBusy(false);
        }
      }}
      noValidate
      className="flex flex-col gap-5"
    >
      {refusal === "closed" && <Alert variant="error">{t("closed")}</Alert>}
      {refusal === "pastDeadline" && <Alert variant="error">{t("pastDeadlineShort")}</Alert>}
      {formError && !refusal && <Alert variant="error">{formError}</Alert>}
      <input type="hidden" {...form.register("submissionKey")} />
      {target.opportunitySlug && <input type="hidden" {...form.register("opportunitySlug")} />}
      {target.themeSlug && <input type="hidden" {...form.register("themeSlug")} />}

      <Field
        label={t("motivation")}
        hint={t("motivationHint", {
          min: INTEREST_LIMITS.motivationMin,
          max: INTEREST_LIMITS.motivationMax,
        })}
        error={errorOf("motivation")}
      >
        <Textarea rows={8} {...form.register("motivation")} />
      </Field>
      <p className="-mt-3 text-right text-xs text-muted-foreground">
        {t("characters", { count: motivation.trim().length, max: INTEREST_LIMITS.motivationMax })}
      </p>

      <Field label={t("cooperationType")} error={errorOf("cooperationType")}>
        <Select {...form.register("cooperationType")} defaultValue="">
          <option value="" disabled>
            {t("choose")}
          </option>
          {cooperationTypes.map((type) => (
            <option key={type.value} value={type.value}>
              {type.label}
            </option>
          ))}
        </Select>
      </Field>

      <Field
        label={t("contribution")}
        hint={t("contributionHint", {
          min: INTEREST_LIMITS.contributionMin,
          max: INTEREST_LIMITS.contributionMax,
        })}
        error={errorOf("contribution")}
      >
        <Textarea rows={5} {...form.register("contribution")} />
      </Field>
      <p className="-mt-3 text-right text-xs text-muted-foreground">
        {t("characters", {
          count: contribution.trim().length,
          max: INTEREST_LIMITS.contributionMax,
        })}
      </p>

      <Field label={t("timeline")} hint={t("timelineHint")} error={errorOf("timeline")}>
        <Textarea rows={2} {...form.register("timeline")} />
      </Field>

      <Field label={t("contact")} hint={t("contactHint")} error={errorOf("contactUserId")}>
        <Select {...form.register("contactUserId")}>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name} ({member.email})
            </option>
          ))}
        </Select>
      </Field>

      <Button type="submit" disabled={submitting || busy} className="self-start">
        {submitting || busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { acceptInvitationAction } from "@/lib/invitations/actions";
import { type AcceptInvitationInput, acceptInvitationSchema } from "@/lib/invitations/schema";

type Outcome = "accepted" | "accountExists" | "unknown" | "expired" | "revoked" | "used";

/** The invitee chooses a name and a password; then they sign in. */
export function AcceptInvitationForm({
  token,
  locale,
  email,
}: {
  token: string;
  locale: Locale;
  email: string;
}) {
  const t = useTranslations("invitations");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    AcceptInvitationInput,
    { outcome: Outcome }
  >({
    schema: acceptInvitationSchema,
    action: acceptInvitationAction,
    defaultValues: { token, locale, name: "", password: "", confirm: "" },
    onSuccess: (data) => setOutcome(data.outcome),
  });

  if (outcome === "accepted") {
    return (
      <div role="status" className="flex flex-col gap-3">
        <h2 className="text-xl font-semibold">{t("acceptedTitle")}</h2>
        <p>{t("acceptedBody")}</p>
        <Button asChild className="self-start">
          <Link href="/login">{t("signIn")}</Link>
        </Button>
      </div>
    );
  }

  if (outcome) {
    return (
      <div className="flex flex-col gap-3">
        <Alert variant="warning">{t(outcome)}</Alert>
        {(outcome === "accountExists" || outcome === "used") && (
          <Button asChild className="self-start">
            <Link href="/login">{t("signIn")}</Link>
          </Button>
        )}
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <h2 className="text-xl font-semibold">{t("formTitle")}</h2>
      {formError && <Alert variant="error">{formError}</Alert>}
      {/* For password managers: the account's user name. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label={t("name")} error={errorOf("name")}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Field label={t("password")} hint={t("passwordHint")} error={errorOf("password")}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field label={t("confirm")} error={errorOf("confirm")}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" disabled={submitting} className="self-start">
        {submitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requestPasswordReset } from "@/lib/auth/actions";
import { forgotPasswordSchema } from "@/lib/auth/schema";

export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const [sent, setSent] = useState(false);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<{ email: string }>({
    schema: forgotPasswordSchema,
    action: requestPasswordReset,
    defaultValues: { email: "" },
    onSuccess: () => setSent(true),
  });
  if (sent) return <Alert variant="success">{t("sent")}</Alert>;
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError && <Alert variant="error">{formError}</Alert>}
      <Field label={t("email")} error={errorOf("email")}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Button type="submit" disabled={submitting}>
        {submitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

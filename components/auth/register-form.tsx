"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { register } from "@/lib/auth/actions";
import { type RegisterInput, registerSchema } from "@/lib/auth/schema";

export function RegisterForm() {
  const t = useTranslations("register");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    RegisterInput,
    { email: string }
  >({
    schema: registerSchema,
    action: register,
    defaultValues: { name: "", email: "", password: "" },
    onSuccess: (data) => setSentTo(data.email),
  });

  if (sentTo) {
    return (
      <Alert variant="success">
        <p className="font-semibold">{t("checkEmailTitle")}</p>
        <p className="mt-1">{t("checkEmail", { email: sentTo })}</p>
      </Alert>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError && <Alert variant="error">{formError}</Alert>}
      <Field label={t("name")} error={errorOf("name")}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Field label={t("email")} error={errorOf("email")}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label={t("password")} hint={t("passwordHint")} error={errorOf("password")}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" disabled={submitting} className="mt-2">
        {submitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

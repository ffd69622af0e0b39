"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { resetPassword } from "@/lib/auth/actions";
import { resetPasswordSchema } from "@/lib/auth/schema";

export function ResetPasswordForm({ token, locale }: { token: string; locale: string }) {
  const t = useTranslations("resetPassword");
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<{
    token: string;
    password: string;
    confirm: string;
  }>({
    schema: resetPasswordSchema,
    action: async (values) => {
      const result = await resetPassword(values);
      // An unknown or used token is not a field error: say what to do.
      return !result.ok && result.code === "NOT_FOUND"
        ? { ...result, fieldErrors: { _form: "linkInvalid" } }
        : result;
    },
    defaultValues: { token, password: "", confirm: "" },
    onSuccess: () => router.replace(`/${locale}/login?notice=passwordReset`),
  });
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError && (
        <Alert variant="error">
          {formError}{" "}
          <a className="underline" href={`/${locale}/forgot-password`}>
            {t("again")}
          </a>
        </Alert>
      )}
      <input type="hidden" {...form.register("token")} />
      <Field label={t("password")} error={errorOf("password")}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field label={t("confirm")} error={errorOf("confirm")}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" disabled={submitting}>
        {submitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

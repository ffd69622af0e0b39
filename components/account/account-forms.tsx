"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import {
  changePassword,
  deleteAccount,
  logOutEverywhere,
  requestEmailChange,
} from "@/lib/auth/actions";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema } from "@/lib/auth/schema";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<{
    currentPassword: string;
    password: string;
    confirm: string;
  }>({
    schema: changePasswordSchema,
    action: changePassword,
    defaultValues: { currentPassword: "", password: "", confirm: "" },
    onSuccess: () => {
      setSaved(true);
      form.reset();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {saved && <Alert variant="success">{t("passwordSaved")}</Alert>}
      {formError && <Alert variant="error">{formError}</Alert>}
      <Field label={t("currentPassword")} error={errorOf("currentPassword")}>
        <Input
          type="password"
          autoComplete="current-password"
          {...form.register("currentPassword")}
        />
      </Field>
      <Field label={t("newPassword")} error={errorOf("password")}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field label={t("confirmPassword")} error={errorOf("confirm")}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" disabled={submitting} className="self-start">
        {submitting ? t("working") : t("savePassword")}
      </Button>
    </form>
  );
}

export function ChangeEmailForm() {
  const t = useTranslations("account");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    { currentPassword: string; email: string },
    { email: string }
  >({
    schema: changeEmailSchema,
    action: requestEmailChange,
    defaultValues: { currentPassword: "", email: "" },
    onSuccess: (data) => {
      setSentTo(data.email);
      form.reset();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {sentTo && <Alert variant="success">{t("emailSent", { email: sentTo })}</Alert>}
      {formError && <Alert variant="error">{formError}</Alert>}
      <Field label={t("newEmail")} error={errorOf("email")}>
        <Input type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field label={t("currentPassword")} error={errorOf("currentPassword")}>
        <Input
          type="password"
          autoComplete="current-password"
          {...form.register("currentPassword")}
        />
      </Field>
      <Button type="submit" disabled={submitting} className="self-start">
        {submitting ? t("working") : t("sendConfirmation")}
      </Button>
    </form>
  );
}

export function LogOutEverywhereButton({ locale }: { locale: string }) {
  const t = useTranslations("account");
  const tErrors = useTranslations("errors");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    if (!window.confirm(t("confirmLogOutEverywhere"))) return;
    setPending(true);
    const result = await logOutEverywhere({}).catch(() => null);
    if (!result?.ok) {
      setError(tErrors("UNAVAILABLE"));
      setPending(false);
      return;
    }
    await signOut({ redirect: false });
    window.location.assign(`/${locale}/login?notice=signedOut`);
  }
  return (
    <div className="flex flex-col gap-3">
      {error && <Alert variant="error">{error}</Alert>}
      <Button variant="outline" onClick={run} disabled={pending} className="self-start">
        {pending ? t("working") : t("logOutEverywhere")}
      </Button>
    </div>
  );
}

export function DeleteAccountForm({
  locale,
  lastMemberOf,
}: {
  locale: string;
  lastMemberOf: string | null;
}) {
  const t = useTranslations("account");
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<{
    currentPassword: string;
    deleteOrganisation?: boolean;
  }>({
    schema: deleteAccountSchema,
    action: deleteAccount,
    defaultValues: lastMemberOf
      ? { currentPassword: "", deleteOrganisation: false }
      : { currentPassword: "" },
    onSuccess: async () => {
      await signOut({ redirect: false });
      window.location.assign(`/${locale}`);
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {formError && <Alert variant="error">{formError}</Alert>}
      {lastMemberOf && (
        <>
          <Alert variant="warning">{t("deleteLastMember", { organisation: lastMemberOf })}</Alert>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1 size-4"
              {...form.register("deleteOrganisation")}
            />
            <span>{t("deleteOrganisationToo", { organisation: lastMemberOf })}</span>
          </label>
          {errorOf("deleteOrganisation") && (
            <p className="text-sm font-medium text-destructive">{errorOf("deleteOrganisation")}</p>
          )}
        </>
      )}
      <Field label={t("currentPassword")} error={errorOf("currentPassword")}>
        <Input
          type="password"
          autoComplete="current-password"
          {...form.register("currentPassword")}
        />
      </Field>
      <Button type="submit" variant="destructive" disabled={submitting} className="self-start">
        {submitting ? t("deleting") : t("deleteSubmit")}
      </Button>
    </form>
  );
}

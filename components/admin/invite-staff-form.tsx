"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { locales } from "@/lib/i18n/routing";
import { inviteStaff } from "@/lib/invitations/actions";
import { type InviteStaffInput, inviteStaffSchema, STAFF_ROLES } from "@/lib/invitations/schema";

/** An admin invites an official or another admin, in the language of their choice. */
export function InviteStaffForm() {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("roles");
  const locale = useLocale();
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const defaults: InviteStaffInput = { email: "", role: "OFFICIAL", locale };
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    InviteStaffInput,
    { email: string }
  >({
    schema: inviteStaffSchema,
    action: inviteStaff,
    defaultValues: defaults,
    onSuccess: ({ email }) => {
      setSentTo(email);
      form.reset(defaults);
      router.refresh();
    },
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="error">{formError}</Alert>}
      {sentTo && <Alert variant="success">{t("inviteSent", { email: sentTo })}</Alert>}
      <Field label={t("inviteEmail")} error={errorOf("email")}>
        <Input
          type="email"
          autoComplete="off"
          {...form.register("email", { onChange: () => setSentTo(null) })}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("inviteRole")} error={errorOf("role")}>
          <Select {...form.register("role")}>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("inviteLocale")} error={errorOf("locale")}>
          <Select {...form.register("locale")}>
            {locales.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={submitting} className="self-start">
        {submitting ? t("inviteSubmitting") : t("inviteSubmit")}
      </Button>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { inviteColleague } from "@/lib/invitations/actions";
import { type InviteColleagueInput, inviteColleagueSchema } from "@/lib/invitations/schema";

/** A partner invites a colleague into their organisation: the address is all it asks. */
export function InviteColleagueForm() {
  const t = useTranslations("members");
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    InviteColleagueInput,
    { email: string }
  >({
    schema: inviteColleagueSchema,
    action: inviteColleague,
    defaultValues: { email: "" },
    onSuccess: ({ email }) => {
      setSentTo(email);
      form.reset({ email: "" });
      router.refresh();
    },
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert variant="error">{formError}</Alert>}
      {sentTo && <Alert variant="success">{t("sent", { email: sentTo })}</Alert>}
      <Field label={t("email")} error={errorOf("email")}>
        <Input
          type="email"
          autoComplete="off"
          {...form.register("email", { onChange: () => setSentTo(null) })}
        />
      </Field>
      <Button type="submit" disabled={submitting} className="self-start">
        {submitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

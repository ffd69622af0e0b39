"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { createApiTokenAction } from "@/lib/api/actions";
import {
  type CreateApiTokenInput,
  createApiTokenSchema,
  TOKEN_NAME_MAX,
} from "@/lib/api/token-schema";

type Created = { token: string; name: string; prefix: string };

/** Creates a token for the caller and shows it once, with a copy button and a warning. */
export function CreateTokenForm() {
  const t = useTranslations("apiTokens");
  const router = useRouter();
  const [created, setCreated] = useState<Created | null>(null);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    CreateApiTokenInput,
    Created
  >({
    schema: createApiTokenSchema,
    action: createApiTokenAction,
    defaultValues: { name: "" },
    onSuccess: (data) => {
      setCreated(data);
      form.reset({ name: "" });
      router.refresh();
    },
  });

  return (
    <div className="flex flex-col gap-4">
      {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {formError && <Alert variant="error">{formError}</Alert>}
        <Field label={t("name")} hint={t("nameHint")} error={errorOf("name")}>
          <Input autoComplete="off" maxLength={TOKEN_NAME_MAX} {...form.register("name")} />
        </Field>
        <Button type="submit" disabled={submitting} className="self-start">
          {submitting ? t("creating") : t("create")}
        </Button>
      </form>
    </div>
  );
}

function NewToken({ created, onDone }: { created: Created; onDone: () => void }) {
  const t = useTranslations("apiTokens");
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  // The token is what the user came for: take focus there, and read it out.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const copyToken = async () => {
    try {
      await navigator.clipboard.writeText(created.token);
      setCopy("copied");
    } catch {
      inputRef.current?.select();
      setCopy("failed");
    }
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-amber-950"
    >
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
        {t("createdTitle", { name: created.name })}
      </h3>
      <p className="text-sm">{t("createdWarning")}</p>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-token`}>{t("tokenLabel")}</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            ref={inputRef}
            id={`${id}-token`}
            readOnly
            value={created.token}
            onFocus={(event) => event.currentTarget.select()}
            className="font-mono text-sm"
            spellCheck={false}
          />
          <Button type="button" variant="outline" onClick={copyToken} className="shrink-0">
            {t("copy")}
          </Button>
        </div>
        <p role="status" className="min-h-5 text-sm">
          {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : ""}
        </p>
      </div>
      <Button type="button" variant="secondary" onClick={onDone} className="self-start">
        {t("dismiss")}
      </Button>
    </section>
  );
}

"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type DefaultValues, type FieldValues, type Path, useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/action";
import { parseValidationMessage } from "@/lib/validation/translate";

type Options<TValues extends FieldValues, TResult> = {
  schema: z.ZodType<unknown, TValues>;
  action: (values: TValues) => Promise<ActionResult<TResult>>;
  defaultValues?: DefaultValues<TValues>;
  onSuccess?: (data: TResult) => void | Promise<void>;
};

/**
 * A form validated in the browser by the same zod schema the server action
 * checks again. Field errors from either side show inline, in the user's
 * language; other failures become one message for the whole form.
 */
export function useActionForm<TValues extends FieldValues, TResult = undefined>({
  schema,
  action,
  defaultValues,
  onSuccess,
}: Options<TValues, TResult>) {
  const tValidation = useTranslations("validation");
  const tErrors = useTranslations("errors");
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TValues>({
    // biome-ignore lint/suspicious/noExplicitAny: the resolver's generics do not follow zod 4's input/output split
    resolver: zodResolver(schema as any) as any,
    defaultValues,
    mode: "onTouched",
  });

  const translate = (message: string | undefined) => {
    if (!message) return undefined;
    const { key, params } = parseValidationMessage(message);
    return tValidation.has(key as never)
      ? tValidation(key as never, params as never)
      : tValidation("invalid");
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    let result: ActionResult<TResult>;
    try {
      result = await action(values);
    } catch {
      setFormError(tErrors("UNAVAILABLE"));
      return;
    }
    if (result.ok) {
      await onSuccess?.(result.data);
      return;
    }
    for (const [name, message] of Object.entries(result.fieldErrors ?? {})) {
      if (name === "_form") setFormError(translate(message) ?? null);
      else form.setError(name as Path<TValues>, { message });
    }
    if (!result.fieldErrors?._form) {
      const minutes = Math.max(1, Math.ceil((result.retryAfter ?? 60) / 60));
      setFormError(tErrors(result.code, { minutes }));
    }
  });

  const errorOf = (name: Path<TValues>) => {
    const error = name
      .split(".")
      .reduce<unknown>(
        (o, k) => (o as Record<string, unknown> | undefined)?.[k],
        form.formState.errors,
      ) as { message?: string } | undefined;
    return translate(error?.message);
  };

  return { form, onSubmit, formError, errorOf, submitting: form.formState.isSubmitting };
}

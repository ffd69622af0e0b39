"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Textarea } from "@/components/ui/input";
import { useRouter } from "@/lib/i18n/navigation";
import { saveThemeKeywordsAction } from "@/lib/themes/actions";
import {
  KEYWORD_LIMITS,
  normaliseKeywords,
  type ThemeKeywordsInput,
  themeKeywordsSchema,
} from "@/lib/themes/schema";
import { parseValidationMessage } from "@/lib/validation/translate";

type Values = { themeId: string; updatedAt: string; keywordsEn: string; keywordsZh: string };
const OWN_KEYS = ["keywordsCount", "keywordLength", "keywordInvalid"] as const;

/** A theme's English and Chinese keywords, one per line, side by side. */
export function ThemeKeywordsForm({
  defaultValues,
  slug,
}: {
  defaultValues: Values;
  slug: string;
}) {
  const t = useTranslations("themeKeywords");
  const format = useFormatter();
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const [conflict, setConflict] = useState<Record<string, string> | null>(null);
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    Values,
    { changed: boolean; updatedAt: string }
  >({
    schema: themeKeywordsSchema as unknown as z.ZodType<unknown, Values>,
    action: async (values) => {
      setConflict(null);
      const result = await saveThemeKeywordsAction(values as unknown as ThemeKeywordsInput);
      if (!result.ok && result.code === "CONFLICT") setConflict(result.details ?? {});
      return result;
    },
    defaultValues,
    onSuccess: () =>
      startNavigation(() => {
        router.push({ pathname: `/official/themes/${slug}/keywords`, query: { saved: "1" } });
        router.refresh();
      }),
  });
  const busy = submitting || navigating;
  const [keywordsEn, keywordsZh] = useWatch({
    control: form.control,
    name: ["keywordsEn", "keywordsZh"],
  });
  const counts = {
    keywordsEn: normaliseKeywords(keywordsEn ?? "").length,
    keywordsZh: normaliseKeywords(keywordsZh ?? "").length,
  };

  const fieldError = (name: "keywordsEn" | "keywordsZh") => {
    const raw = form.formState.errors[name]?.message;
    if (typeof raw === "string") {
      const { key, params } = parseValidationMessage(raw);
      if ((OWN_KEYS as readonly string[]).includes(key))
        return t(`validation.${key as (typeof OWN_KEYS)[number]}`, params as never);
    }
    return errorOf(name);
  };
  const hint = t("hint", {
    min: KEYWORD_LIMITS.min,
    max: KEYWORD_LIMITS.max,
    minLength: KEYWORD_LIMITS.minLength,
    maxLength: KEYWORD_LIMITS.maxLength,
  });
  const at = (iso: string | undefined) =>
    format.dateTime(new Date(iso ?? Date.now()), { dateStyle: "medium", timeStyle: "short" });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <Card className="p-5 sm:p-6">
        <p className="mb-5 text-sm text-muted-foreground">{hint}</p>
        <div className="grid gap-6 md:grid-cols-2">
          {(["keywordsZh", "keywordsEn"] as const).map((name) => (
            <div key={name} className="flex flex-col gap-1.5">
              <Field
                label={t(name === "keywordsEn" ? "english" : "chinese")}
                error={fieldError(name)}
              >
                <Textarea
                  lang={name === "keywordsEn" ? "en" : "zh-CN"}
                  rows={16}
                  spellCheck={false}
                  {...form.register(name)}
                />
              </Field>
              <p className="text-sm text-muted-foreground" aria-live="polite">
                {t("count", { count: counts[name] })}
              </p>
            </div>
          ))}
        </div>
      </Card>
      <Alert variant="info">{t("recalculating")}</Alert>
      {conflict ? (
        <Alert variant="error">
          <p>
            {conflict.by
              ? t("conflict", { by: conflict.by, at: at(conflict.at) })
              : t("conflictAnonymous", { at: at(conflict.at) })}
          </p>
          <p className="mt-1">{t("conflictHelp")}</p>
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="mt-3"
            onClick={() => window.location.reload()}
          >
            {t("reload")}
          </Button>
        </Alert>
      ) : (
        formError && <Alert variant="error">{formError}</Alert>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={busy}>
          {busy ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}

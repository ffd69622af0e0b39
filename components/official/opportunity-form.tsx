"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Controller } from "react-hook-form";
import type { z } from "zod";
import { Field, FieldSet } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxGroup } from "@/components/organisations/checkbox-group";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Select, Textarea } from "@/components/ui/input";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { saveOpportunityAction } from "@/lib/opportunities/actions";
import {
  HOST_TYPES,
  OPPORTUNITY_LIMITS,
  type OpportunitySaveInput,
  opportunitySaveSchema,
} from "@/lib/opportunities/schema";
import { COOPERATION_TYPES, ORGANISATION_TYPES } from "@/lib/organisations/schema";
import type { ActionResult } from "@/lib/server/action";

const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** Validation keys this form translates itself (namespace officialManage.validation). */
const OWN_KEYS = ["date", "deadlinePast", "deadlinePassedReopen"] as const;

export type OpportunityFormValues = {
  id?: string;
  updatedAt?: string;
  intent: "save" | "publish";
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  hostNameEn: string;
  hostNameZh: string;
  themeId: string;
  hostType: string;
  cooperationTypes: string[];
  partnerTypes: string[];
  trlMin: string;
  trlMax: string;
  deadline: string;
};

type Saved = { id: string; slug: string; status: string; updatedAt: string };

/**
 * The officials' opportunity form: both languages side by side, then the
 * details. Drafts can be saved or published; a published opportunity is
 * saved in place; a closed one can be saved and reopened.
 */
export function OpportunityForm({
  defaultValues,
  status,
  themes,
}: {
  defaultValues: OpportunityFormValues;
  /** The stored status; absent for a new opportunity. */
  status?: "DRAFT" | "PUBLISHED" | "CLOSED";
  themes: Array<{ id: string; name: string }>;
}) {
  const t = useTranslations("officialManage");
  const tCoop = useTranslations("cooperationType");
  const tType = useTranslations("organisationType");
  const tHost = useTranslations("hostType");
  const format = useFormatter();
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const [conflict, setConflict] = useState<Record<string, string> | null>(null);

  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    OpportunityFormValues,
    Saved
  >({
    schema: opportunitySaveSchema as unknown as z.ZodType<unknown, OpportunityFormValues>,
    action: async (values) => {
      setConflict(null);
      const result = (await saveOpportunityAction(
        values as unknown as OpportunitySaveInput,
      )) as ActionResult<Saved>;
      if (!result.ok && result.code === "CONFLICT") setConflict(result.details ?? {});
      return result;
    },
    defaultValues,
    onSuccess: (saved) => {
      const intent = form.getValues("intent");
      const was = status;
      const outcome =
        intent === "publish"
          ? was === "CLOSED"
            ? "reopened"
            : "published"
          : was
            ? "changes"
            : "draft";
      startNavigation(() => {
        router.push({
          pathname: `/official/manage/${saved.id}/edit`,
          query: { saved: outcome },
        });
        router.refresh();
      });
    },
  });
  const { register, control } = form;
  const busy = submitting || navigating;

  const fieldError = (name: keyof OpportunityFormValues) => {
    const raw = form.formState.errors[name]?.message;
    if (typeof raw === "string" && (OWN_KEYS as readonly string[]).includes(raw))
      return t(`validation.${raw as (typeof OWN_KEYS)[number]}`);
    return errorOf(name);
  };

  const lengthHint = (min: number, max: number) => t("form.lengthHint", { min, max });
  const languageColumn = (lang: "En" | "Zh") => {
    const htmlLang = lang === "En" ? "en" : "zh-CN";
    return (
      <section aria-labelledby={`language-${lang}`} className="flex flex-col gap-5" lang={htmlLang}>
        <h3 id={`language-${lang}`} className="text-lg font-semibold">
          {t(lang === "En" ? "form.english" : "form.chinese")}
        </h3>
        <Field
          label={t(`form.title${lang}`)}
          hint={lengthHint(OPPORTUNITY_LIMITS.titleMin, OPPORTUNITY_LIMITS.titleMax)}
          error={fieldError(`title${lang}`)}
        >
          <Input
            lang={htmlLang}
            maxLength={OPPORTUNITY_LIMITS.titleMax + 50}
            {...register(`title${lang}`)}
          />
        </Field>
        <Field
          label={t(`form.hostName${lang}`)}
          hint={lengthHint(OPPORTUNITY_LIMITS.hostNameMin, OPPORTUNITY_LIMITS.hostNameMax)}
          error={fieldError(`hostName${lang}`)}
        >
          <Input lang={htmlLang} {...register(`hostName${lang}`)} />
        </Field>
        <Field
          label={t(`form.description${lang}`)}
          hint={lengthHint(OPPORTUNITY_LIMITS.descriptionMin, OPPORTUNITY_LIMITS.descriptionMax)}
          error={fieldError(`description${lang}`)}
        >
          <Textarea lang={htmlLang} rows={12} {...register(`description${lang}`)} />
        </Field>
      </section>
    );
  };

  const submitButton = (intent: "save" | "publish", label: string, variant?: "outline") => (
    <Button
      type="submit"
      variant={variant}
      disabled={busy}
      onClick={() => form.setValue("intent", intent)}
    >
      {busy && form.getValues("intent") === intent ? t("form.saving") : label}
    </Button>
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <Card className="p-5 sm:p-6">
        <p className="mb-5 text-sm text-muted-foreground">{t("form.languagesHint")}</p>
        <div className="grid gap-8 lg:grid-cols-2">
          {languageColumn("Zh")}
          {languageColumn("En")}
        </div>
      </Card>

      <Card className="p-5 sm:p-6">
        <section aria-labelledby="section-details" className="flex flex-col gap-6">
          <h2 id="section-details" className="text-xl font-semibold">
            {t("form.details")}
          </h2>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label={t("form.theme")} error={fieldError("themeId")}>
              <Select {...register("themeId")}>
                <option value="">{t("form.chooseTheme")}</option>
                {themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("form.hostType")} error={fieldError("hostType")}>
              <Select {...register("hostType")}>
                <option value="">{t("form.chooseHostType")}</option>
                {HOST_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {tHost(type)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>

          <Controller
            control={control}
            name="cooperationTypes"
            render={({ field }) => (
              <CheckboxGroup
                id="field-cooperationTypes"
                legend={t("form.cooperationTypes")}
                hint={t("form.cooperationTypesHint")}
                error={fieldError("cooperationTypes")}
                name={field.name}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                options={COOPERATION_TYPES.map((type) => ({ value: type, label: tCoop(type) }))}
              />
            )}
          />
          <Controller
            control={control}
            name="partnerTypes"
            render={({ field }) => (
              <CheckboxGroup
                id="field-partnerTypes"
                legend={t("form.partnerTypes")}
                hint={t("form.partnerTypesHint")}
                error={fieldError("partnerTypes")}
                name={field.name}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                options={ORGANISATION_TYPES.map((type) => ({ value: type, label: tType(type) }))}
              />
            )}
          />

          <FieldSet legend={t("form.trl")} hint={t("form.trlHint")}>
            <div className="grid grid-cols-2 gap-4 sm:max-w-md">
              {(["trlMin", "trlMax"] as const).map((name) => (
                <div key={name} className="flex flex-col gap-1.5">
                  <Label htmlFor={`opportunity-${name}`}>{t(`form.${name}`)}</Label>
                  <Select
                    id={`opportunity-${name}`}
                    aria-invalid={fieldError(name) ? true : undefined}
                    aria-describedby={fieldError(name) ? `opportunity-${name}-error` : undefined}
                    {...register(name)}
                  >
                    {LEVELS.map((level) => (
                      <option key={level} value={String(level)}>
                        {t("form.trlLevel", { level })}
                      </option>
                    ))}
                  </Select>
                  {fieldError(name) && (
                    <p
                      id={`opportunity-${name}-error`}
                      className="text-sm font-medium text-destructive"
                    >
                      {fieldError(name)}
                    </p>
                  )}
                </div>
              ))}
            </div>
          </FieldSet>

          <Field
            label={t("form.deadline")}
            hint={t("form.deadlineHint")}
            error={fieldError("deadline")}
            className="sm:max-w-xs"
          >
            <Input type="date" {...register("deadline")} />
          </Field>
        </section>
      </Card>

      {conflict ? (
        <Alert variant="error">
          <p>
            {conflict.by
              ? t("conflict", {
                  by: conflict.by,
                  at: format.dateTime(new Date(conflict.at ?? Date.now()), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  }),
                })
              : t("conflictAnonymous", {
                  at: format.dateTime(new Date(conflict.at ?? Date.now()), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  }),
                })}
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

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button asChild variant="ghost">
          <Link href="/official/manage">{t("form.cancel")}</Link>
        </Button>
        {status === undefined || status === "DRAFT" ? (
          <>
            {submitButton("save", t("form.saveDraft"), "outline")}
            {submitButton("publish", t("form.publish"))}
          </>
        ) : status === "CLOSED" ? (
          <>
            {submitButton("save", t("form.saveChanges"), "outline")}
            {submitButton("publish", t("form.saveAndReopen"))}
          </>
        ) : (
          submitButton("save", t("form.saveChanges"))
        )}
      </div>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useFormContext, useWatch } from "react-hook-form";
import { FieldSet } from "@/components/forms/field";
import { Label, Select } from "@/components/ui/input";
import type { FormOptions } from "@/lib/organisations/options";
import { COOPERATION_TYPES, ORGANISATION_TYPES } from "@/lib/organisations/schema";
import { CheckboxGroup, CheckboxList } from "./checkbox-group";
import { KeywordInput } from "./keyword-input";

const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** Wizard step 3 and the second part of the profile editor: what the organisation offers and seeks. */
export function CapabilityFields({
  options,
  errorOf,
  city,
}: {
  options: FormOptions;
  errorOf: (name: never) => string | undefined;
  city: string;
}) {
  const t = useTranslations("onboarding");
  const tValidation = useTranslations("validation");
  const tCoop = useTranslations("cooperationType");
  const tType = useTranslations("organisationType");
  const { control, register, formState } = useFormContext();
  const error = (name: string) => errorOf(name as never);
  const themeIds = (useWatch({ control, name: "themeIds" }) as string[] | undefined) ?? [];
  const suggestions = options.themes
    .filter((theme) => themeIds.includes(theme.id))
    .flatMap((theme) => theme.keywords);
  // Keywords refused by the schema (only if the chip input's own checks were bypassed).
  const keywordsError = formState.errors.keywords
    ? (error("keywords") ?? tValidation("invalid"))
    : undefined;

  return (
    <div className="flex flex-col gap-8">
      <Controller
        control={control}
        name="themeIds"
        render={({ field }) =>
          options.themes.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("themes.none")}</p>
          ) : (
            <CheckboxGroup
              id="field-themes"
              legend={t("themes.legend")}
              hint={t("themes.hint", { city })}
              error={error("themeIds")}
              name={field.name}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              options={options.themes.map((theme) => ({ value: theme.id, label: theme.name }))}
            />
          )
        }
      />

      <Controller
        control={control}
        name="keywords"
        render={({ field }) => (
          <KeywordInput
            id="field-keywords"
            value={field.value ?? []}
            onChange={field.onChange}
            suggestions={suggestions}
            error={keywordsError}
          />
        )}
      />

      <div id="field-trl" className="scroll-mt-6">
        <FieldSet legend={t("trl.legend")} hint={t("trl.hint")}>
          <div className="grid grid-cols-2 gap-4 sm:max-w-md">
            {(["trlMin", "trlMax"] as const).map((name) => (
              <div key={name} className="flex flex-col gap-1.5">
                <Label htmlFor={`trl-${name}`}>
                  {t(name === "trlMin" ? "trl.min" : "trl.max")}
                </Label>
                <Select
                  id={`trl-${name}`}
                  aria-invalid={error(name) ? true : undefined}
                  aria-describedby={error(name) ? `trl-${name}-error` : undefined}
                  {...register(name)}
                >
                  <option value="">{t("trl.notSet")}</option>
                  {LEVELS.map((level) => (
                    <option key={level} value={String(level)}>
                      {t("trl.level", { level })}
                    </option>
                  ))}
                </Select>
                {error(name) && (
                  <p id={`trl-${name}-error`} className="text-sm font-medium text-destructive">
                    {error(name)}
                  </p>
                )}
              </div>
            ))}
          </div>
        </FieldSet>
      </div>

      <Controller
        control={control}
        name="cooperationTypes"
        render={({ field }) => (
          <CheckboxGroup
            id="field-cooperationTypes"
            legend={t("cooperationTypes.legend")}
            error={error("cooperationTypes")}
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
            legend={t("partnerTypes.legend")}
            hint={t("partnerTypes.hint")}
            error={error("partnerTypes")}
            name={field.name}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            options={ORGANISATION_TYPES.map((type) => ({ value: type, label: tType(type) }))}
          />
        )}
      />

      <Controller
        control={control}
        name="languages"
        render={({ field }) => (
          <LanguagePicker
            name={field.name}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={error("languages")}
            languages={options.languages}
          />
        )}
      />
    </div>
  );
}

/** Common languages always shown; the others behind "More languages", open when one is chosen. */
function LanguagePicker({
  name,
  value,
  onChange,
  onBlur,
  error,
  languages,
}: {
  name: string;
  value: string[];
  onChange: (value: string[]) => void;
  onBlur: () => void;
  error?: string;
  languages: FormOptions["languages"];
}) {
  const t = useTranslations("languages");
  const common = languages.filter((l) => l.common);
  const others = languages.filter((l) => !l.common);
  const commonCodes: string[] = common.map((l) => l.code);
  const otherCodes: string[] = others.map((l) => l.code);
  const chosenOthers = value.filter((code) => otherCodes.includes(code));
  const [open, setOpen] = useState(chosenOthers.length > 0);
  // The two lists share one value: each keeps the other's choices.
  const change = (part: string[]) => (next: string[]) =>
    onChange([...value.filter((code) => !part.includes(code)), ...next]);
  return (
    <CheckboxGroup
      id="field-languages"
      legend={t("legend")}
      hint={t("hint")}
      error={error}
      name={name}
      value={value.filter((code) => commonCodes.includes(code))}
      onChange={change(commonCodes)}
      onBlur={onBlur}
      className="grid-cols-2 sm:grid-cols-3 lg:grid-cols-4"
      options={common.map((l) => ({ value: l.code, label: l.name }))}
    >
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="cursor-pointer rounded-md py-1 text-sm font-medium text-primary hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
          {chosenOthers.length > 0 ? t("moreChosen", { count: chosenOthers.length }) : t("more")}
        </summary>
        <CheckboxList
          name={name}
          value={chosenOthers}
          onChange={change(otherCodes)}
          onBlur={onBlur}
          className="mt-2 grid-cols-2 sm:grid-cols-3 lg:grid-cols-4"
          options={others.map((l) => ({ value: l.code, label: l.name }))}
        />
      </details>
    </CheckboxGroup>
  );
}

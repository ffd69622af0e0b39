"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/forms/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { DESCRIPTION_GOOD_LENGTH } from "@/lib/organisations/completeness";
import type { FormOptions } from "@/lib/organisations/options";
import { LIMITS, ORGANISATION_TYPES, SIZE_BANDS } from "@/lib/organisations/schema";

/** Wizard step 2 and the first part of the profile editor: who the organisation is. */
export function OrganisationFields({
  options,
  errorOf,
  city,
}: {
  options: FormOptions;
  errorOf: (name: never) => string | undefined;
  /** The partner city's name, for the hints. */
  city: string;
}) {
  const t = useTranslations("onboarding");
  const tf = useTranslations("form");
  const tType = useTranslations("organisationType");
  const tSize = useTranslations("sizeBand");
  const { register, control } = useFormContext();
  const description = useWatch({ control, name: "description" }) as string | undefined;
  const error = (name: string) => errorOf(name as never);

  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field label={t("fields.name")} error={error("name")} className="sm:col-span-2">
        <Input autoComplete="organization" maxLength={LIMITS.nameMax} {...register("name")} />
      </Field>
      <Field label={t("fields.type")} error={error("type")}>
        <Select {...register("type")}>
          <option value="">{t("choose")}</option>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {tType(type)}
            </option>
          ))}
        </Select>
      </Field>
      <div id="field-sizeBand" className="scroll-mt-6">
        <Field label={t("fields.sizeBand")} error={error("sizeBand")}>
          <Select {...register("sizeBand")}>
            <option value="">{t("choose")}</option>
            {SIZE_BANDS.map((band) => (
              <option key={band} value={band}>
                {tSize(band)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t("fields.country")} error={error("country")}>
        <Select autoComplete="country" {...register("country")}>
          <option value="">{t("choose")}</option>
          {options.countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </Select>
      </Field>
      <div id="field-city" className="scroll-mt-6">
        <Field label={t("fields.city")} error={error("city")}>
          <Input autoComplete="address-level2" maxLength={LIMITS.cityMax} {...register("city")} />
        </Field>
      </div>
      <div id="field-website" className="scroll-mt-6 sm:col-span-2">
        <Field
          label={t("fields.website")}
          hint={t("fields.websiteHint")}
          optional={tf("optional")}
          error={error("website")}
        >
          <Input
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://"
            {...register("website")}
          />
        </Field>
      </div>
      <div id="field-description" className="scroll-mt-6 sm:col-span-2">
        <Field
          label={t("fields.description")}
          hint={
            <>
              {t("fields.descriptionHint", {
                city,
                min: LIMITS.descriptionMin,
                max: LIMITS.descriptionMax,
                good: DESCRIPTION_GOOD_LENGTH,
              })}{" "}
              <span className="font-medium text-foreground tabular-nums">
                {t("fields.descriptionCount", {
                  count: (description ?? "").trim().length,
                  max: LIMITS.descriptionMax,
                })}
              </span>
            </>
          }
          error={error("description")}
        >
          <Textarea rows={8} className="min-h-48" {...register("description")} />
        </Field>
      </div>
    </div>
  );
}

"use client";

import { ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { FormProvider } from "react-hook-form";
import type { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link, useRouter } from "@/lib/i18n/navigation";
import {
  createOrganisation,
  giveConsent,
  saveCapabilities,
  saveOrganisationDetails,
} from "@/lib/organisations/actions";
import type {
  CapabilityFormValues,
  FormOptions,
  OrganisationFormValues,
} from "@/lib/organisations/options";
import {
  type CapabilitiesStepInput,
  type ConsentStepInput,
  capabilitiesStepSchema,
  consentStepSchema,
  type OrganisationStepInput,
  organisationStepSchema,
} from "@/lib/organisations/schema";
import { CapabilityFields } from "./capability-fields";
import { OrganisationFields } from "./organisation-fields";

/**
 * The inputs hold strings ("" while nothing is chosen); the schema parses
 * them into what the server action takes, and the action parses them again.
 */
function formSchema<TValues>(schema: z.ZodType) {
  return schema as unknown as z.ZodType<unknown, TValues>;
}

function StepActions({
  backHref,
  submitting,
  submitLabel,
}: {
  backHref?: { pathname: string; query: Record<string, string> };
  submitting: boolean;
  submitLabel?: string;
}) {
  const t = useTranslations("onboarding");
  return (
    <div className="flex flex-col-reverse gap-3 border-t border-border pt-5 sm:flex-row sm:items-center sm:justify-between">
      {backHref ? (
        <Button asChild variant="outline">
          <Link href={backHref}>
            <ArrowLeft aria-hidden="true" className="size-4" />
            {t("back")}
          </Link>
        </Button>
      ) : (
        <span />
      )}
      <Button type="submit" disabled={submitting} aria-disabled={submitting}>
        {submitting ? t("saving") : (submitLabel ?? t("saveAndContinue"))}
      </Button>
    </div>
  );
}

const stepHref = (step: string) => ({ pathname: "/onboarding", query: { step } });

/** Step 2: creates the organisation on the first save, updates it afterwards. */
export function OrganisationStepForm({
  mode,
  defaultValues,
  options,
  city,
}: {
  mode: "create" | "update";
  defaultValues: OrganisationFormValues;
  options: FormOptions;
  city: string;
}) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const action = mode === "create" ? createOrganisation : saveOrganisationDetails;
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    OrganisationFormValues,
    void
  >({
    schema: formSchema<OrganisationFormValues>(organisationStepSchema),
    action: (values) => action(values as unknown as OrganisationStepInput),
    defaultValues,
    onSuccess: () => startNavigation(() => router.push(stepHref("capabilities"))),
  });
  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
        <OrganisationFields options={options} errorOf={errorOf} city={city} />
        {formError && <Alert variant="error">{formError}</Alert>}
        <StepActions submitting={submitting || navigating} />
      </form>
    </FormProvider>
  );
}

/** Step 3. */
export function CapabilitiesStepForm({
  defaultValues,
  options,
  city,
}: {
  defaultValues: CapabilityFormValues;
  options: FormOptions;
  city: string;
}) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    CapabilityFormValues,
    void
  >({
    schema: formSchema<CapabilityFormValues>(capabilitiesStepSchema),
    action: (values) => saveCapabilities(values as unknown as CapabilitiesStepInput),
    defaultValues,
    onSuccess: () => startNavigation(() => router.push(stepHref("consent"))),
  });
  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
        <CapabilityFields options={options} errorOf={errorOf} city={city} />
        {formError && <Alert variant="error">{formError}</Alert>}
        <StepActions backHref={stepHref("organisation")} submitting={submitting || navigating} />
      </form>
    </FormProvider>
  );
}

type ConsentValues = { acceptPrivacyNotice: boolean; visibleToOfficials: boolean };

/** Step 4: two explicit consents, then the profile page. */
export function ConsentStepForm({ city }: { city: string }) {
  const t = useTranslations("onboarding.consent");
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<ConsentValues, void>({
    schema: formSchema<ConsentValues>(consentStepSchema),
    action: (values) => giveConsent(values as unknown as ConsentStepInput),
    defaultValues: { acceptPrivacyNotice: false, visibleToOfficials: false },
    onSuccess: () => startNavigation(() => router.push("/organisation")),
  });
  const boxes = [
    { name: "acceptPrivacyNotice", label: t("acceptPrivacyNotice") },
    { name: "visibleToOfficials", label: t("visibleToOfficials", { city }) },
  ] as const;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-base font-semibold">{t("checkboxesLegend")}</legend>
        {boxes.map(({ name, label }) => {
          const error = errorOf(name);
          return (
            <div key={name}>
              <label className="flex cursor-pointer items-start gap-3 rounded-md border border-border bg-card p-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-secondary/60">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 shrink-0 accent-primary"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${name}-error` : undefined}
                  {...form.register(name)}
                />
                <span>{label}</span>
              </label>
              {error && (
                <p id={`${name}-error`} className="mt-1 text-sm font-medium text-destructive">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      {formError && <Alert variant="error">{formError}</Alert>}
      <StepActions
        backHref={stepHref("capabilities")}
        submitting={submitting || navigating}
        submitLabel={t("finish")}
      />
    </form>
  );
}

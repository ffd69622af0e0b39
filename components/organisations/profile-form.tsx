"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { FormProvider } from "react-hook-form";
import type { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { saveProfile } from "@/lib/organisations/actions";
import type {
  CapabilityFormValues,
  FormOptions,
  OrganisationFormValues,
} from "@/lib/organisations/options";
import { type ProfileInput, profileSchema } from "@/lib/organisations/schema";
import { CapabilityFields } from "./capability-fields";
import { OrganisationFields } from "./organisation-fields";

type ProfileFormValues = OrganisationFormValues & CapabilityFormValues;

/** Every profile field in one form; saving confirms the profile as up to date. */
export function ProfileForm({
  defaultValues,
  options,
  city,
}: {
  defaultValues: ProfileFormValues;
  options: FormOptions;
  city: string;
}) {
  const t = useTranslations("organisationProfile");
  const tOnboarding = useTranslations("onboarding");
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<ProfileFormValues, void>(
    {
      schema: profileSchema as unknown as z.ZodType<unknown, ProfileFormValues>,
      action: (values) => saveProfile(values as unknown as ProfileInput),
      defaultValues,
      onSuccess: () =>
        startNavigation(() => router.push({ pathname: "/organisation", query: { saved: "1" } })),
    },
  );
  const busy = submitting || navigating;
  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
        <Card className="p-5 sm:p-6">
          <section aria-labelledby="section-organisation">
            <h2 id="section-organisation" className="mb-5 text-xl font-semibold">
              {t("sectionOrganisation")}
            </h2>
            <OrganisationFields options={options} errorOf={errorOf} city={city} />
          </section>
        </Card>
        <Card className="p-5 sm:p-6">
          <section aria-labelledby="section-capabilities">
            <h2 id="section-capabilities" className="mb-5 text-xl font-semibold">
              {t("sectionCapabilities")}
            </h2>
            <CapabilityFields options={options} errorOf={errorOf} city={city} />
          </section>
        </Card>
        {formError && <Alert variant="error">{formError}</Alert>}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button asChild variant="outline">
            <Link href="/organisation">{t("cancel")}</Link>
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? tOnboarding("saving") : t("save")}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

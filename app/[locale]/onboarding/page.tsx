import { CircleCheck } from "lucide-react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { CompletenessCard } from "@/components/organisations/completeness-card";
import { PrivacyNotice } from "@/components/organisations/privacy-notice";
import { StepIndicator } from "@/components/organisations/step-indicator";
import {
  CapabilitiesStepForm,
  ConsentStepForm,
  OrganisationStepForm,
} from "@/components/organisations/wizard-forms";
import { Card } from "@/components/ui/card";
import { getCaller } from "@/lib/auth/gate";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import { organisationCompleteness } from "@/lib/organisations/completeness";
import {
  buildFormOptions,
  capabilityFormValues,
  EMPTY_CAPABILITY_VALUES,
  EMPTY_ORGANISATION_VALUES,
  organisationFormValues,
} from "@/lib/organisations/options";
import { getOwnOrganisation, getThemeOptions } from "@/lib/organisations/queries";
import {
  isOnboardingStep,
  ONBOARDING_STEPS,
  type OnboardingStep,
  resolveStep,
  stepFromParam,
  stepParam,
  WIZARD_STEPS,
} from "@/lib/organisations/steps";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ step?: string | string[] }>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "onboarding" });
  const caller = await getCaller();
  const organisation = caller ? await getOwnOrganisation(caller) : null;
  const step = resolveStep(organisation?.onboardingStep, stepFromParam((await searchParams).step));
  const stepTitle = t("stepMetaTitle", {
    current: WIZARD_STEPS.indexOf(step) + 1,
    total: WIZARD_STEPS.length,
    step: t(`steps.${step}`),
  });
  return { title: `${stepTitle} · ${t("metaTitle")}` };
}

// Where each completeness item is fixed: the step holding the field.
const FIELD_STEP = {
  description: "ORGANISATION",
  website: "ORGANISATION",
  city: "ORGANISATION",
  sizeBand: "ORGANISATION",
  themes: "CAPABILITIES",
  keywords: "CAPABILITIES",
  trl: "CAPABILITIES",
  cooperationTypes: "CAPABILITIES",
  partnerTypes: "CAPABILITIES",
  languages: "CAPABILITIES",
} as const satisfies Record<string, OnboardingStep>;

export default async function OnboardingPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/onboarding", { roles: ["PARTNER"] });
  const [organisation, themes, cityProfile] = await Promise.all([
    getOwnOrganisation(caller),
    getThemeOptions(),
    getCityProfile(),
  ]);
  if (organisation && organisation.onboardingStep === null) redirect(`/${locale}/organisation`);

  const t = await getTranslations({ locale, namespace: "onboarding" });
  const city = cityProfile ? localized(cityProfile, "name", locale) : "";
  const reached: OnboardingStep = isOnboardingStep(organisation?.onboardingStep)
    ? organisation.onboardingStep
    : "ORGANISATION";
  const step = resolveStep(reached, stepFromParam((await searchParams).step));
  const options = buildFormOptions(locale, themes);
  const reachedIndex = ONBOARDING_STEPS.indexOf(reached);
  const hrefFor = Object.fromEntries(
    Object.entries(FIELD_STEP)
      .filter(([, fieldStep]) => ONBOARDING_STEPS.indexOf(fieldStep) <= reachedIndex)
      .map(([key, fieldStep]) => [
        key,
        { pathname: "/onboarding", query: { step: stepParam(fieldStep) }, hash: `field-${key}` },
      ]),
  );

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary">{t("eyebrow")}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted-foreground">{t("lead")}</p>
      <p className="mt-3 flex items-center gap-2 text-sm">
        <CircleCheck aria-hidden="true" className="size-4 shrink-0 text-emerald-700" />
        <span className="min-w-0 break-words">{t("account.done", { email: caller.email })}</span>
      </p>

      <div className="mt-8">
        <StepIndicator locale={locale} current={step} reached={reached} />
      </div>

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="p-5 sm:p-6">
          <section aria-labelledby="step-title">
            <p className="text-sm text-muted-foreground">
              {t("stepOf", {
                current: WIZARD_STEPS.indexOf(step) + 1,
                total: WIZARD_STEPS.length,
              })}
            </p>
            <h2 id="step-title" className="mt-1 text-2xl font-semibold tracking-tight">
              {t(
                step === "ORGANISATION"
                  ? "organisation.title"
                  : step === "CAPABILITIES"
                    ? "capabilities.title"
                    : "consent.title",
              )}
            </h2>
            <p className="mt-2 mb-6 text-muted-foreground">
              {step === "ORGANISATION"
                ? t("organisation.lead", { city })
                : step === "CAPABILITIES"
                  ? t("capabilities.lead", { city })
                  : t("consent.lead")}
            </p>
            <ClientMessages
              namespaces={[
                "onboarding",
                "organisationType",
                "cooperationType",
                "sizeBand",
                "languages",
              ]}
            >
              {step === "ORGANISATION" && (
                <OrganisationStepForm
                  mode={organisation ? "update" : "create"}
                  defaultValues={
                    organisation ? organisationFormValues(organisation) : EMPTY_ORGANISATION_VALUES
                  }
                  options={options}
                  city={city}
                />
              )}
              {step === "CAPABILITIES" && (
                <CapabilitiesStepForm
                  defaultValues={
                    organisation
                      ? capabilityFormValues(organisation, themes)
                      : EMPTY_CAPABILITY_VALUES
                  }
                  options={options}
                  city={city}
                />
              )}
              {step === "CONSENT" && (
                <div className="flex flex-col gap-6">
                  <PrivacyNotice locale={locale} city={city} />
                  <ConsentStepForm city={city} />
                </div>
              )}
            </ClientMessages>
          </section>
        </Card>

        <aside
          aria-labelledby="completeness-title"
          className="flex flex-col gap-4 lg:sticky lg:top-6 lg:self-start"
        >
          {organisation ? (
            <CompletenessCard
              locale={locale}
              completeness={organisationCompleteness(organisation)}
              city={city}
              hrefFor={hrefFor}
            />
          ) : (
            <Card className="p-5">
              <h2 id="completeness-title" className="text-lg font-semibold">
                {t("sidebarTitle")}
              </h2>
              <p className="mt-2 text-sm text-muted-foreground">{t("sidebarEmpty")}</p>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}

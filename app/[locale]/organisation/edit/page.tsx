import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { ProfileForm } from "@/components/organisations/profile-form";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import {
  buildFormOptions,
  capabilityFormValues,
  organisationFormValues,
} from "@/lib/organisations/options";
import { getOwnOrganisation, getThemeOptions } from "@/lib/organisations/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "organisationProfile" });
  return { title: t("editMetaTitle") };
}

export default async function EditOrganisationPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/organisation/edit", { roles: ["PARTNER"] });
  const [organisation, themes, cityProfile] = await Promise.all([
    getOwnOrganisation(caller),
    getThemeOptions(),
    getCityProfile(),
  ]);
  if (!organisation || organisation.onboardingStep !== null) redirect(`/${locale}/onboarding`);

  const t = await getTranslations({ locale, namespace: "organisationProfile" });
  const city = cityProfile ? localized(cityProfile, "name", locale) : "";

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <Link
        href="/organisation"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("backToProfile")}
      </Link>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">{t("editTitle")}</h1>
      <p className="mt-2 mb-8 text-muted-foreground">{t("editLead")}</p>
      <ClientMessages
        namespaces={[
          "onboarding",
          "organisationProfile",
          "organisationType",
          "cooperationType",
          "sizeBand",
          "languages",
        ]}
      >
        <ProfileForm
          defaultValues={{
            ...organisationFormValues(organisation),
            ...capabilityFormValues(organisation, themes),
          }}
          options={buildFormOptions(locale, themes)}
          city={city}
        />
      </ClientMessages>
    </div>
  );
}

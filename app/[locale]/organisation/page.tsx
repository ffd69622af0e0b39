import { Pencil, Users } from "lucide-react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CompletenessCard } from "@/components/organisations/completeness-card";
import { OrganisationProfile } from "@/components/organisations/organisation-profile";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { organisationCompleteness } from "@/lib/organisations/completeness";
import { countryName } from "@/lib/organisations/countries";
import { getOwnOrganisation } from "@/lib/organisations/queries";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "organisationProfile" });
  return { title: t("metaTitle") };
}

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/organisation", { roles: ["PARTNER"] });
  const [organisation, cityProfile] = await Promise.all([
    getOwnOrganisation(caller),
    getCityProfile(),
  ]);
  // No organisation yet, or onboarding unfinished: the wizard first.
  if (!organisation || organisation.onboardingStep !== null) redirect(`/${locale}/onboarding`);

  const t = await getTranslations({ locale, namespace: "organisationProfile" });
  const tType = await getTranslations({ locale, namespace: "organisationType" });
  const city = cityProfile ? localized(cityProfile, "name", locale) : "";
  const saved = (await searchParams).saved === "1";
  const place = [organisation.city, countryName(organisation.country, locale)]
    .filter(Boolean)
    .join(locale === "zh" ? "，" : ", ");
  const edit = (key: string) => ({ pathname: "/organisation/edit", hash: `field-${key}` });

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      {saved && (
        <Alert variant="success" className="mb-6">
          {t("saved")}
        </Alert>
      )}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-semibold uppercase tracking-wide text-primary">
            {t("eyebrow")}
          </p>
          <h1 className="mt-2 break-words text-3xl font-bold tracking-tight sm:text-4xl">
            {organisation.name}
          </h1>
          <p className="mt-2 text-muted-foreground">
            {tType(organisation.type)} · {place}
          </p>
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          <Button asChild>
            <Link href="/organisation/edit">
              <Pencil aria-hidden="true" className="size-4" />
              {t("edit")}
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/organisation/members">
              <Users aria-hidden="true" className="size-4" />
              {t("members")}
            </Link>
          </Button>
        </div>
      </div>

      <div className="mt-8 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        {/* What to improve comes first on a phone; beside the profile on a desktop. */}
        <aside
          aria-labelledby="completeness-title"
          className="lg:sticky lg:top-6 lg:col-start-2 lg:row-start-1 lg:self-start"
        >
          <CompletenessCard
            locale={locale}
            completeness={organisationCompleteness(organisation)}
            city={city}
            hrefFor={{
              description: edit("description"),
              themes: edit("themes"),
              keywords: edit("keywords"),
              trl: edit("trl"),
              cooperationTypes: edit("cooperationTypes"),
              partnerTypes: edit("partnerTypes"),
              languages: edit("languages"),
              website: edit("website"),
              city: edit("city"),
              sizeBand: edit("sizeBand"),
            }}
          />
        </aside>
        <div className="lg:col-start-1 lg:row-start-1">
          <OrganisationProfile organisation={organisation} locale={locale} city={city} />
        </div>
      </div>
    </div>
  );
}

// What the organisation forms need, prepared on the server in the user's
// language: choices (countries, languages, themes) and the values to start
// from. Isomorphic and pure.
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { countryOptions, isCountryCode } from "./countries";
import { isLanguageCode, type LanguageOption, languageOptions } from "./languages";
import type { CapabilitiesStepInput, OrganisationStepInput } from "./schema";

export type ThemeChoice = { id: string; name: string; keywords: string[] };

export type FormOptions = {
  countries: Array<{ code: string; name: string }>;
  languages: LanguageOption[];
  themes: ThemeChoice[];
};

export function buildFormOptions(
  locale: Locale,
  themes: ReadonlyArray<{
    id: string;
    nameEn: string;
    nameZh: string;
    keywordsEn: string[];
    keywordsZh: string[];
  }>,
): FormOptions {
  return {
    countries: countryOptions(locale),
    languages: languageOptions(locale),
    themes: themes.map((theme) => ({
      id: theme.id,
      name: localized(theme, "name", locale),
      keywords: locale === "zh" ? theme.keywordsZh : theme.keywordsEn,
    })),
  };
}

type StoredOrganisation = {
  name: string;
  type: string;
  country: string;
  city: string | null;
  website: string | null;
  sizeBand: string | null;
  description: string;
  keywords: string[];
  trlMin: number | null;
  trlMax: number | null;
  cooperationTypes: string[];
  partnerTypes: string[];
  languages: string[];
  themes: ReadonlyArray<{ theme: { id: string } }>;
};

/** Form values as plain strings: what the inputs hold before parsing. */
export type OrganisationFormValues = Record<keyof OrganisationStepInput, string>;
export type CapabilityFormValues = {
  [K in keyof CapabilitiesStepInput]: K extends "trlMin" | "trlMax" ? string : string[];
};

export function organisationFormValues(organisation: StoredOrganisation): OrganisationFormValues {
  return {
    name: organisation.name,
    type: organisation.type,
    // A country no longer on the list (imported data) must be chosen again.
    country: isCountryCode(organisation.country) ? organisation.country : "",
    city: organisation.city ?? "",
    website: organisation.website ?? "",
    sizeBand: organisation.sizeBand ?? "",
    description: organisation.description,
  };
}

export function capabilityFormValues(
  organisation: StoredOrganisation,
  themes: ReadonlyArray<{ id: string }>,
): CapabilityFormValues {
  const offered = new Set(themes.map((theme) => theme.id));
  return {
    themeIds: organisation.themes.map((link) => link.theme.id).filter((id) => offered.has(id)),
    keywords: organisation.keywords,
    trlMin: organisation.trlMin?.toString() ?? "",
    trlMax: organisation.trlMax?.toString() ?? "",
    cooperationTypes: organisation.cooperationTypes,
    partnerTypes: organisation.partnerTypes,
    languages: organisation.languages.filter(isLanguageCode),
  };
}

export const EMPTY_ORGANISATION_VALUES: OrganisationFormValues = {
  name: "",
  type: "",
  country: "",
  city: "",
  website: "",
  sizeBand: "",
  description: "",
};

export const EMPTY_CAPABILITY_VALUES: CapabilityFormValues = {
  themeIds: [],
  keywords: [],
  trlMin: "",
  trlMax: "",
  cooperationTypes: [],
  partnerTypes: [],
  languages: [],
};

// The countries a partner organisation may be based in: the EU-27, the other
// EEA states, Switzerland, the United Kingdom and the EU candidate countries.
// Isomorphic: names come from Intl.DisplayNames, no data file to keep up to date.
import type { Locale } from "@/lib/i18n/routing";

export const EU_COUNTRIES = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;

/** EEA members outside the EU. */
export const EEA_COUNTRIES = ["IS", "LI", "NO"] as const;

export const OTHER_EUROPEAN_COUNTRIES = ["CH", "GB"] as const;

/** EU candidate countries. */
export const CANDIDATE_COUNTRIES = ["AL", "BA", "GE", "MD", "ME", "MK", "RS", "TR", "UA"] as const;

export const COUNTRY_CODES = [
  ...EU_COUNTRIES,
  ...EEA_COUNTRIES,
  ...OTHER_EUROPEAN_COUNTRIES,
  ...CANDIDATE_COUNTRIES,
] as const;

export type CountryCode = (typeof COUNTRY_CODES)[number];

/** BCP 47 tag used for names and sorting in each interface language. */
const INTL_LOCALE: Record<Locale, string> = { en: "en", zh: "zh-CN" };

export function isCountryCode(value: string): value is CountryCode {
  return (COUNTRY_CODES as readonly string[]).includes(value);
}

/** A country's name in the user's language; the code itself if the runtime does not know it. */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every allowed country with its name, sorted by name in the user's language. */
export function countryOptions(locale: Locale): Array<{ code: CountryCode; name: string }> {
  const names = new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "region" });
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

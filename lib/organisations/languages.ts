// Working languages a partner may declare: ISO 639-1 codes. The common ones
// are shown first; the rest (the other official languages of the countries
// partners come from, and a few useful for working with Hohhot) on request.
import type { Locale } from "@/lib/i18n/routing";

export const COMMON_LANGUAGES = [
  "en",
  "zh",
  "de",
  "fr",
  "es",
  "it",
  "pl",
  "nl",
  "pt",
  "ru",
] as const;

export const OTHER_LANGUAGES = [
  "ar",
  "bg",
  "bs",
  "ca",
  "cs",
  "da",
  "el",
  "et",
  "fi",
  "ga",
  "hr",
  "hu",
  "is",
  "ja",
  "ka",
  "ko",
  "lb",
  "lt",
  "lv",
  "mk",
  "mn",
  "mt",
  "no",
  "ro",
  "sk",
  "sl",
  "sq",
  "sr",
  "sv",
  "tr",
  "uk",
] as const;

export const LANGUAGE_CODES = [...COMMON_LANGUAGES, ...OTHER_LANGUAGES] as const;

export type LanguageCode = (typeof LANGUAGE_CODES)[number];

const INTL_LOCALE: Record<Locale, string> = { en: "en", zh: "zh-CN" };

export function isLanguageCode(value: string): value is LanguageCode {
  return (LANGUAGE_CODES as readonly string[]).includes(value);
}

/** A language's name in the user's language; the code itself if the runtime does not know it. */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([INTL_LOCALE[locale]], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export type LanguageOption = { code: LanguageCode; name: string; common: boolean };

/** Common languages in their fixed order, then the others sorted by name in the user's language. */
export function languageOptions(locale: Locale): LanguageOption[] {
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  const common = COMMON_LANGUAGES.map((code) => ({
    code,
    name: languageName(code, locale),
    common: true,
  }));
  const others = OTHER_LANGUAGES.map((code) => ({
    code,
    name: languageName(code, locale),
    common: false,
  })).sort((a, b) => collator.compare(a.name, b.name));
  return [...common, ...others];
}

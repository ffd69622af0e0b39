import { defineRouting } from "next-intl/routing";

export const locales = ["en", "zh"] as const;
export type Locale = (typeof locales)[number];

export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "always",
});

/** BCP 47 tag for <html lang> and Intl formatting. */
export const htmlLang: Record<Locale, string> = { en: "en", zh: "zh-CN" };

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

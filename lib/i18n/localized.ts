import type { Locale } from "./routing";

/** Picks the English or Chinese column of a bilingual record. */
export function localized<T extends Record<string, unknown>, K extends string>(
  record: T & Record<`${K}En` | `${K}Zh`, unknown>,
  key: K,
  locale: Locale,
): string {
  const value = record[`${key}${locale === "zh" ? "Zh" : "En"}` as keyof T];
  return typeof value === "string" ? value : "";
}

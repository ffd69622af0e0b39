import type { Locale } from "@/lib/i18n/routing";

export type FactUnit = "people" | "count" | "km" | "percent" | "rmb" | "rmb_billion";

export type FormattedFact = { number: string; unit: FactUnit };

/**
 * Formats a city figure the way each language writes it: Chinese counts
 * large numbers in 万 (10^4) and 亿 (10^8), so RMB 14.7 billion is 147 亿元
 * and 3,446,100 people are 344.61 万.
 */
export function formatFactNumber(value: number, unit: FactUnit, locale: Locale): string {
  const tag = locale === "zh" ? "zh-CN" : "en-GB";
  const format = (n: number, max = 3) =>
    new Intl.NumberFormat(tag, { maximumFractionDigits: max }).format(n);
  if (locale === "zh") {
    if (unit === "rmb_billion") return format(value * 10, 2);
    if ((unit === "people" || unit === "rmb") && value >= 10_000)
      return `${format(value / 10_000, 2)}万`;
  }
  return format(value);
}

// The ranked list's filters: a GET form, so the filter lives in the address
// and the database does the filtering.
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { isFiltered, MIN_SCORE, type RankedFilter } from "@/lib/matching/official-schema";
import { countryName } from "@/lib/organisations/countries";
import { COOPERATION_TYPES, ORGANISATION_TYPES } from "@/lib/organisations/schema";
import { CleanGetForm } from "./clean-get-form";

const INTL_LOCALE: Record<Locale, string> = { en: "en", zh: "zh-CN" };

export async function RankedFilters({
  locale,
  filter,
  countries,
  basePath,
}: {
  locale: Locale;
  filter: RankedFilter;
  /** The country codes the list can show. */
  countries: string[];
  /** The list's path without the language, e.g. /official/themes/dairy. */
  basePath: string;
}) {
  const t = await getTranslations({ locale, namespace: "officialMatches" });
  const tType = await getTranslations({ locale, namespace: "organisationType" });
  const tCoop = await getTranslations({ locale, namespace: "cooperationType" });
  const collator = new Intl.Collator(INTL_LOCALE[locale]);
  const codes = new Set(countries);
  if (filter.country) codes.add(filter.country);
  const countryOptions = [...codes]
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));

  return (
    <section aria-labelledby="filter-title">
      <h2 id="filter-title" className="sr-only">
        {t("filterTitle")}
      </h2>
      <CleanGetForm
        defaults={{ min: String(MIN_SCORE.min) }}
        className="grid gap-4 rounded-xl border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_0.7fr_1.3fr_auto]"
      >
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="filter-country">{t("country")}</Label>
          <Select id="filter-country" name="country" defaultValue={filter.country ?? ""}>
            <option value="">{t("anyCountry")}</option>
            {countryOptions.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="filter-type">{t("type")}</Label>
          <Select id="filter-type" name="type" defaultValue={filter.type ?? ""}>
            <option value="">{t("anyType")}</option>
            {ORGANISATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {tType(type)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="filter-min">{t("min")}</Label>
          <Input
            id="filter-min"
            name="min"
            type="number"
            inputMode="numeric"
            min={MIN_SCORE.min}
            max={MIN_SCORE.max}
            step={1}
            defaultValue={filter.min ?? MIN_SCORE.min}
            aria-describedby="filter-min-hint"
          />
          <p id="filter-min-hint" className="text-xs text-muted-foreground">
            {t("minHint", { floor: MIN_SCORE.min })}
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="filter-coop">{t("coop")}</Label>
          <Select id="filter-coop" name="coop" defaultValue={filter.coop ?? ""}>
            <option value="">{t("anyCoop")}</option>
            {COOPERATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {tCoop(type)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-wrap items-start gap-2 sm:col-span-2 lg:col-span-1 lg:pt-6">
          <Button type="submit">{t("apply")}</Button>
          {isFiltered(filter) && (
            <Button asChild variant="ghost">
              <Link href={basePath}>{t("clear")}</Link>
            </Button>
          )}
        </div>
      </CleanGetForm>
    </section>
  );
}

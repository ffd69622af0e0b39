// The management list's filters: a GET form, so the filter lives in the
// address and the database does the filtering.
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { type ManageFilter, OPPORTUNITY_STATUSES } from "@/lib/opportunities/schema";
import { CleanGetForm } from "./clean-get-form";

export async function ManageFilters({
  locale,
  filter,
  themes,
}: {
  locale: Locale;
  filter: ManageFilter;
  themes: Array<{ slug: string; name: string }>;
}) {
  const t = await getTranslations({ locale, namespace: "officialManage" });
  const filtered = Boolean(filter.status || filter.theme);
  return (
    <section aria-labelledby="manage-filter-title">
      <h2 id="manage-filter-title" className="sr-only">
        {t("filterTitle")}
      </h2>
      <CleanGetForm className="grid gap-4 rounded-xl border border-border bg-card p-4 sm:grid-cols-[1fr_1fr_auto]">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="manage-status">{t("status")}</Label>
          <Select id="manage-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("anyStatus")}</option>
            {OPPORTUNITY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`statusLabel.${status}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="manage-theme">{t("theme")}</Label>
          <Select id="manage-theme" name="theme" defaultValue={filter.theme ?? ""}>
            <option value="">{t("anyTheme")}</option>
            {themes.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {theme.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-wrap items-start gap-2 sm:pt-6">
          <Button type="submit">{t("apply")}</Button>
          {filtered && (
            <Button asChild variant="ghost">
              <Link href="/official/manage">{t("clear")}</Link>
            </Button>
          )}
        </div>
      </CleanGetForm>
    </section>
  );
}

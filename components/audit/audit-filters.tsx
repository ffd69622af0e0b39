// The audit page's filters: a GET form, so that every view has its own
// address (bookmarkable, shareable); without JavaScript it submits as is.
import { getTranslations } from "next-intl/server";
import { CleanGetForm } from "@/components/official/clean-get-form";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { AUDIT_ACTION_CODES, AUDIT_ENTITY_TYPES, auditActionLabel } from "@/lib/audit/actions";
import { type AuditFilter, isFiltered } from "@/lib/audit/schema";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

export async function AuditFilters({ locale, filter }: { locale: Locale; filter: AuditFilter }) {
  const t = await getTranslations({ locale, namespace: "audit" });
  const label = (code: string) => {
    const key = auditActionLabel(code);
    return key ? `${t(`actions.${key}`)} (${code})` : code;
  };
  return (
    <section aria-labelledby="audit-filter-title" className="mt-8">
      <h2 id="audit-filter-title" className="sr-only">
        {t("filterTitle")}
      </h2>
      <CleanGetForm className="grid grid-cols-2 gap-x-3 gap-y-4 rounded-xl border border-border bg-card p-4 sm:gap-x-4 lg:grid-cols-4">
        <div className="col-span-2 flex flex-col gap-1.5">
          <Label htmlFor="audit-action">{t("action")}</Label>
          <Select id="audit-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("anyAction")}</option>
            {AUDIT_ACTION_CODES.map((code) => (
              <option key={code} value={code}>
                {label(code)}
              </option>
            ))}
          </Select>
        </div>
        <div className="col-span-2 flex flex-col gap-1.5 sm:col-span-1">
          <Label htmlFor="audit-prefix">{t("prefix")}</Label>
          <Input
            id="audit-prefix"
            name="prefix"
            defaultValue={filter.prefix ?? ""}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="audit-prefix-hint"
          />
          <p id="audit-prefix-hint" className="text-xs text-muted-foreground">
            {t("prefixHint")}
          </p>
        </div>
        <div className="col-span-2 flex flex-col gap-1.5 sm:col-span-1">
          <Label htmlFor="audit-actor">{t("actor")}</Label>
          <Input
            id="audit-actor"
            name="actor"
            type="search"
            defaultValue={filter.actor ?? ""}
            maxLength={254}
            autoComplete="off"
            aria-describedby="audit-actor-hint"
          />
          <p id="audit-actor-hint" className="text-xs text-muted-foreground">
            {t("actorHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-type">{t("type")}</Label>
          <Select id="audit-type" name="type" defaultValue={filter.type ?? ""}>
            <option value="">{t("anyType")}</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`entityTypes.${type}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-entity">{t("entity")}</Label>
          <Input
            id="audit-entity"
            name="entity"
            defaultValue={filter.entity ?? ""}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-from">{t("from")}</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-to">{t("to")}</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="audit-ip">{t("ip")}</Label>
          <Input
            id="audit-ip"
            name="ip"
            defaultValue={filter.ip ?? ""}
            maxLength={45}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="flex flex-wrap items-end gap-2 lg:col-span-3 lg:justify-end">
          <Button type="submit">{t("apply")}</Button>
          {isFiltered(filter) && (
            <Button asChild variant="ghost">
              <Link href="/admin/audit">{t("clear")}</Link>
            </Button>
          )}
        </div>
      </CleanGetForm>
    </section>
  );
}

"use client";

// The queue's filters: a GET form (it works without JavaScript too), so the
// filter lives in the address and the database does the filtering. On a
// phone the panel folds away behind a button; on wider screens it is open.
import { Filter } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CleanGetForm } from "@/components/official/clean-get-form";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Link } from "@/lib/i18n/navigation";
import {
  FILTER_KEYS,
  REVIEW_DEFAULT_DIRECTION,
  REVIEW_SEARCH_MAX,
  type ReviewState,
  reviewSearchParams,
} from "@/lib/interests/review-state";
import { cn } from "@/lib/utils";

export type FilterOption = { value: string; label: string };

export function ReviewFilters({
  state,
  basePath,
  statuses,
  themes,
  opportunities,
  countries,
  types,
  officials,
}: {
  state: ReviewState;
  /** The queue's path without the language. */
  basePath: string;
  statuses: FilterOption[];
  themes: FilterOption[];
  opportunities: FilterOption[];
  countries: FilterOption[];
  types: FilterOption[];
  officials: FilterOption[];
}) {
  const t = useTranslations("review");
  const active = FILTER_KEYS.filter((key) => state[key] !== undefined).length;
  const [open, setOpen] = useState(false);
  // Sort, page size and columns survive a new filter; the page starts again.
  const kept = reviewSearchParams({
    sort: state.sort,
    dir: state.dir,
    size: state.size,
    columns: state.columns,
  });
  const clearQuery = kept.toString();

  return (
    <section aria-labelledby="review-filters-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="review-filters-title" className="text-lg font-semibold">
          {t("filtersTitle")}
          {active > 0 && (
            <span className="ml-2 text-sm font-normal text-muted-foreground">
              {t("activeFilters", { count: active })}
            </span>
          )}
        </h2>
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="lg:hidden"
          aria-expanded={open}
          aria-controls="review-filters"
          onClick={() => setOpen((v) => !v)}
        >
          <Filter aria-hidden="true" className="size-4" />
          {open ? t("hideFilters") : t("showFilters")}
        </Button>
      </div>
      <CleanGetForm
        id="review-filters"
        defaults={{ sort: "created", dir: REVIEW_DEFAULT_DIRECTION[state.sort], size: "25" }}
        className={cn(
          "gap-4 rounded-xl border border-border bg-card p-4 sm:grid-cols-2 lg:grid lg:grid-cols-4",
          open ? "grid" : "hidden",
        )}
      >
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <Label htmlFor="review-q">{t("search")}</Label>
          <Input
            id="review-q"
            name="q"
            type="search"
            defaultValue={state.q ?? ""}
            maxLength={REVIEW_SEARCH_MAX}
            aria-describedby="review-q-hint"
          />
          <p id="review-q-hint" className="text-xs text-muted-foreground">
            {t("searchHint")}
          </p>
        </div>
        <FilterSelect
          name="status"
          label={t("status")}
          any={t("anyStatus")}
          value={state.status}
          options={statuses}
        />
        <FilterSelect
          name="assignee"
          label={t("assignee")}
          any={t("anyAssignee")}
          value={state.assignee}
          options={officials}
        />
        <FilterSelect
          name="theme"
          label={t("theme")}
          any={t("anyTheme")}
          value={state.theme}
          options={themes}
        />
        <FilterSelect
          name="opportunity"
          label={t("opportunity")}
          any={t("anyOpportunity")}
          value={state.opportunity}
          options={opportunities}
        />
        <FilterSelect
          name="country"
          label={t("country")}
          any={t("anyCountry")}
          value={state.country}
          options={countries}
        />
        <FilterSelect
          name="type"
          label={t("type")}
          any={t("anyType")}
          value={state.type}
          options={types}
        />
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">{t("scoreRange")}</legend>
          <div className="flex items-center gap-2">
            <Label htmlFor="review-min" className="sr-only">
              {t("scoreMin")}
            </Label>
            <Input
              id="review-min"
              name="min"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              placeholder="0"
              defaultValue={state.min ?? ""}
            />
            <span aria-hidden="true">–</span>
            <Label htmlFor="review-max" className="sr-only">
              {t("scoreMax")}
            </Label>
            <Input
              id="review-max"
              name="max"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              placeholder="100"
              defaultValue={state.max ?? ""}
            />
          </div>
        </fieldset>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">{t("dateRange")}</legend>
          <div className="flex items-center gap-2">
            <Label htmlFor="review-from" className="sr-only">
              {t("dateFrom")}
            </Label>
            <Input id="review-from" name="from" type="date" defaultValue={state.from ?? ""} />
            <span aria-hidden="true">–</span>
            <Label htmlFor="review-to" className="sr-only">
              {t("dateTo")}
            </Label>
            <Input id="review-to" name="to" type="date" defaultValue={state.to ?? ""} />
          </div>
        </fieldset>
        <input type="hidden" name="sort" value={state.sort} />
        <input type="hidden" name="dir" value={state.dir} />
        <input type="hidden" name="size" value={String(state.size)} />
        {kept.get("cols") && <input type="hidden" name="cols" value={kept.get("cols") ?? ""} />}
        <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-4">
          <Button type="submit">{t("applyFilters")}</Button>
          {active > 0 && (
            <Link
              href={clearQuery ? `${basePath}?${clearQuery}` : basePath}
              className="py-2 text-sm text-primary underline underline-offset-4 hover:no-underline"
            >
              {t("clearFilters")}
            </Link>
          )}
        </div>
      </CleanGetForm>
    </section>
  );
}

function FilterSelect({
  name,
  label,
  any,
  value,
  options,
}: {
  name: string;
  label: string;
  any: string;
  value: string | undefined;
  options: FilterOption[];
}) {
  const id = `review-${name}`;
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {/* A filter, not the official's own details: no autofill (name="country" would invite it). */}
      <Select id={id} name={name} defaultValue={value ?? ""} autoComplete="off">
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

"use client";

// The partner's "Suggested opportunities" table. The server has already
// filtered, sorted and paged the rows (lib/matching/queries.ts); TanStack
// Table runs in manual mode and only turns header clicks, filters, search and
// paging into a new URL (lib/matching/suggestion-state.ts), which the server renders.
// Each row's explanation is rendered on the server and passed in.
import {
  type ColumnFiltersState,
  columnFilteringFeature,
  createColumnHelper,
  FlexRender,
  functionalUpdate,
  globalFilteringFeature,
  type PaginationState,
  rowExpandingFeature,
  rowPaginationFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from "@tanstack/react-table";
import {
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  ChevronDown,
  ChevronLeft,
  ChevronRight,
} from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, Fragment, type ReactNode, useMemo, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Link } from "@/lib/i18n/navigation";
import {
  DEADLINE_WINDOWS,
  DEFAULT_DIRECTION,
  isFiltered,
  SUGGESTION_SORTS,
  type SuggestionSort,
  type SuggestionState,
  suggestionSearchParams,
} from "@/lib/matching/suggestion-state";
import { cn } from "@/lib/utils";

export type SuggestionRow = {
  id: string;
  slug: string;
  title: string;
  hostName: string;
  themeName: string;
  /** Cooperation types sought, already translated. */
  cooperation: string[];
  /** The deadline, formatted, or "Open until filled". */
  deadlineLabel: string;
  /** "12 days left", or null without a deadline. */
  daysLeftLabel: string | null;
  score: number;
  /** The score's band in words ("Strong match"), so it is not a number alone. */
  bandLabel: string;
  strong: boolean;
  /** <MatchExplanation audience="partner" />, rendered on the server. */
  explanation: ReactNode;
};

export type Option = { value: string; label: string };

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowPaginationFeature,
  rowExpandingFeature,
  columnMeta: {} as { className?: string },
});

const helper = createColumnHelper<typeof features, SuggestionRow>();

const SORT_OPTIONS = [
  "score_desc",
  "score_asc",
  "deadline_asc",
  "deadline_desc",
  "title_asc",
  "title_desc",
] as const;

/** Column id -> the URL's filter parameter it drives. */
const FILTER_COLUMNS = { theme: "theme", cooperation: "coop", deadline: "deadline" } as const;

export function SuggestionsTable({
  rows,
  total,
  page,
  pages,
  pageSize,
  state,
  themes,
  cooperationTypes,
}: {
  rows: SuggestionRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  state: SuggestionState;
  themes: Option[];
  cooperationTypes: Option[];
}) {
  const t = useTranslations("suggestions");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState(state.q ?? "");

  function navigate(next: Partial<SuggestionState>) {
    const query = suggestionSearchParams({ ...state, ...next }).toString();
    startTransition(() => {
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  }

  const sorting: SortingState = [{ id: state.sort, desc: state.dir === "desc" }];
  const columnFilters: ColumnFiltersState = [
    { id: "theme", value: state.theme },
    { id: "cooperation", value: state.coop },
    { id: "deadline", value: state.deadline ? String(state.deadline) : undefined },
  ].filter((f) => f.value !== undefined);
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("score", {
          id: "score",
          header: () => t("columns.score"),
          sortDescFirst: true,
          cell: ({ row }) => (
            <div className="flex flex-col items-start gap-1">
              <span className="text-xl font-bold tabular-nums leading-none">
                {row.original.score}
              </span>
              <Badge
                variant={row.original.strong ? "default" : "muted"}
                className="text-[11px] sm:whitespace-nowrap"
              >
                {row.original.bandLabel}
              </Badge>
            </div>
          ),
          meta: { className: "w-[5.75rem] sm:w-28" },
        }),
        helper.accessor("title", {
          id: "title",
          header: () => t("columns.title"),
          sortDescFirst: false,
          cell: ({ row }) => (
            <TitleCell
              row={row.original}
              expanded={row.getIsExpanded()}
              onToggle={row.getToggleExpandedHandler()}
            />
          ),
        }),
        helper.accessor("themeName", {
          id: "theme",
          header: () => t("columns.theme"),
          enableSorting: false,
          meta: { className: "hidden md:table-cell md:w-40" },
        }),
        helper.accessor((row) => row.cooperation.join(", "), {
          id: "cooperation",
          header: () => t("columns.cooperation"),
          enableSorting: false,
          cell: ({ row }) => (
            <ul className="flex flex-col gap-1 text-muted-foreground">
              {row.original.cooperation.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          ),
          meta: { className: "hidden lg:table-cell lg:w-56" },
        }),
        helper.accessor("deadlineLabel", {
          id: "deadline",
          header: () => t("columns.deadline"),
          sortDescFirst: false,
          cell: ({ row }) => (
            <div className="flex flex-col gap-0.5">
              <span className="whitespace-nowrap">{row.original.deadlineLabel}</span>
              {row.original.daysLeftLabel && (
                <span className="text-xs text-muted-foreground">{row.original.daysLeftLabel}</span>
              )}
            </div>
          ),
          meta: { className: "hidden sm:table-cell sm:w-36" },
        }),
      ]),
    [t],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    getRowCanExpand: () => true,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    rowCount: total,
    state: { sorting, columnFilters, globalFilter: state.q ?? "", pagination },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      if (!next || !(SUGGESTION_SORTS as readonly string[]).includes(next.id)) return;
      const sort = next.id as SuggestionSort;
      navigate({ sort, dir: next.desc ? "desc" : "asc", page: 1 });
    },
    onColumnFiltersChange: (updater: Updater<ColumnFiltersState>) => {
      const next = functionalUpdate(updater, columnFilters);
      const value = (id: keyof typeof FILTER_COLUMNS) => {
        const v = next.find((f) => f.id === id)?.value;
        return typeof v === "string" && v ? v : undefined;
      };
      const deadline = Number(value("deadline"));
      navigate({
        theme: value("theme"),
        coop: value("cooperation") as SuggestionState["coop"],
        deadline: (DEADLINE_WINDOWS as readonly number[]).includes(deadline)
          ? (deadline as SuggestionState["deadline"])
          : undefined,
        page: 1,
      });
    },
    onGlobalFilterChange: (updater: Updater<string>) => {
      const q = String(functionalUpdate(updater, state.q ?? "")).trim();
      navigate({ q: q || undefined, page: 1 });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      navigate({ page: next.pageIndex + 1 });
    },
  });

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    table.setGlobalFilter(search);
  };
  const filtered = isFiltered(state);
  const sortColumn = t(`columns.${state.sort}`);
  const pageHref = (n: number) => {
    const query = suggestionSearchParams({ ...state, page: n }).toString();
    return query ? `${pathname}?${query}` : pathname;
  };

  return (
    <div className="flex flex-col gap-4">
      {/* Without JavaScript the filters still work: a plain GET form. */}
      <form
        method="get"
        action={pathname}
        onSubmit={onSearch}
        aria-label={t("filtersTitle")}
        className="grid gap-4 rounded-xl border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]"
      >
        <div className="flex flex-col gap-1.5 sm:col-span-2 lg:col-span-1">
          <Label htmlFor="suggestions-q">{t("search")}</Label>
          <div className="flex gap-2">
            <Input
              id="suggestions-q"
              name="q"
              type="search"
              value={search}
              maxLength={100}
              aria-describedby="suggestions-q-hint"
              onChange={(e) => setSearch(e.target.value)}
            />
            <Button type="submit" variant="outline" className="shrink-0 whitespace-nowrap">
              {t("searchSubmit")}
            </Button>
          </div>
          <p id="suggestions-q-hint" className="text-xs text-muted-foreground">
            {t("searchHint")}
          </p>
        </div>
        <FilterSelect
          id="suggestions-theme"
          name="theme"
          label={t("theme")}
          anyLabel={t("anyTheme")}
          value={state.theme}
          options={themes}
          onChange={(v) => table.getColumn("theme")?.setFilterValue(v)}
        />
        <FilterSelect
          id="suggestions-coop"
          name="coop"
          label={t("cooperation")}
          anyLabel={t("anyCooperation")}
          value={state.coop}
          options={cooperationTypes}
          onChange={(v) => table.getColumn("cooperation")?.setFilterValue(v)}
        />
        <FilterSelect
          id="suggestions-deadline"
          name="deadline"
          label={t("deadline")}
          anyLabel={t("anyDeadline")}
          value={state.deadline ? String(state.deadline) : undefined}
          options={DEADLINE_WINDOWS.map((days) => ({
            value: String(days),
            label: t("within", { days }),
          }))}
          onChange={(v) => table.getColumn("deadline")?.setFilterValue(v)}
        />
        {/* The deadline column is hidden on phones: sorting has its own control there. */}
        <div className="flex flex-col gap-1.5 sm:hidden">
          <Label htmlFor="suggestions-sort">{t("sortBy")}</Label>
          <Select
            id="suggestions-sort"
            value={`${state.sort}_${state.dir}`}
            onChange={(e) => {
              const [id, dir] = e.target.value.split("_");
              table.setSorting([{ id: id!, desc: dir === "desc" }]);
            }}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`sortOptions.${option}`)}
              </option>
            ))}
          </Select>
        </div>
        {state.sort !== "score" && <input type="hidden" name="sort" value={state.sort} />}
        {state.dir !== DEFAULT_DIRECTION[state.sort] && (
          <input type="hidden" name="dir" value={state.dir} />
        )}
      </form>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium" aria-live="polite">
          {pending ? t("updating") : t("resultCount", { total })}
        </p>
        {filtered && (
          <Link
            href="/matches"
            scroll={false}
            onClick={(e) => {
              e.preventDefault();
              setSearch("");
              table.resetColumnFilters(true);
              navigate({
                theme: undefined,
                coop: undefined,
                deadline: undefined,
                q: undefined,
                page: 1,
              });
            }}
            className="text-sm text-primary underline underline-offset-4 hover:no-underline"
          >
            {t("clearFilters")}
          </Link>
        )}
      </div>

      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-6 text-center text-muted-foreground">
          {t("noResults")}
        </p>
      ) : (
        <div
          className={cn(
            "overflow-hidden rounded-xl border border-border bg-card transition-opacity",
            pending && "opacity-60",
          )}
        >
          <table className="w-full border-collapse text-sm" aria-busy={pending}>
            <caption className="sr-only">
              {t("tableCaption", {
                sort:
                  state.dir === "asc"
                    ? t("sortedAsc", { column: sortColumn })
                    : t("sortedDesc", { column: sortColumn }),
              })}
            </caption>
            <thead className="bg-muted/60 text-left">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const column = header.column;
                    const sorted = column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={
                          sorted === "asc"
                            ? "ascending"
                            : sorted === "desc"
                              ? "descending"
                              : undefined
                        }
                        className={cn(
                          "whitespace-nowrap px-2 py-2.5 font-semibold text-muted-foreground sm:px-3",
                          column.columnDef.meta?.className,
                        )}
                      >
                        {column.getCanSort() ? (
                          <button
                            type="button"
                            onClick={column.getToggleSortingHandler()}
                            className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                          >
                            <FlexRender header={header} />
                            {sorted === "asc" ? (
                              <ArrowUp aria-hidden="true" className="size-3.5" />
                            ) : sorted === "desc" ? (
                              <ArrowDown aria-hidden="true" className="size-3.5" />
                            ) : (
                              <ArrowUpDown aria-hidden="true" className="size-3.5 opacity-50" />
                            )}
                          </button>
                        ) : (
                          <FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => {
                const cells = row.getAllCells();
                return (
                  <Fragment key={row.id}>
                    <tr className="border-t border-border align-top">
                      {cells.map((cell) => (
                        <td
                          key={cell.id}
                          className={cn("px-2 py-3 sm:px-3", cell.column.columnDef.meta?.className)}
                        >
                          <FlexRender cell={cell} />
                        </td>
                      ))}
                    </tr>
                    {row.getIsExpanded() && (
                      <tr id={`why-${row.id}`} className="bg-muted/30">
                        <td colSpan={cells.length} className="px-3 py-4 sm:px-5">
                          {row.original.explanation}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav
          aria-label={t("pagination")}
          className="flex flex-wrap items-center justify-between gap-3 text-sm"
        >
          <PageLink
            href={pageHref(page - 1)}
            disabled={!table.getCanPreviousPage()}
            onClick={() => table.previousPage()}
          >
            <ChevronLeft aria-hidden="true" className="size-4" /> {t("previous")}
          </PageLink>
          <span>{t("pageStatus", { page, pages })}</span>
          <PageLink
            href={pageHref(page + 1)}
            disabled={!table.getCanNextPage()}
            onClick={() => table.nextPage()}
          >
            {t("next")} <ChevronRight aria-hidden="true" className="size-4" />
          </PageLink>
        </nav>
      )}
    </div>
  );
}

/** The opportunity: its title (a link), host, theme and cooperation on small screens, and its actions. */
function TitleCell({
  row,
  expanded,
  onToggle,
}: {
  row: SuggestionRow;
  expanded: boolean;
  onToggle: () => void;
}) {
  const t = useTranslations("suggestions");
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <Link
        href={`/opportunities/${row.slug}`}
        className="font-semibold leading-snug text-foreground underline-offset-4 hover:underline"
      >
        {row.title}
      </Link>
      <span className="text-muted-foreground">{row.hostName}</span>
      {/* Theme and cooperation have their own columns on wider screens. */}
      <span className="text-xs text-muted-foreground md:hidden">{row.themeName}</span>
      <span className="text-xs text-muted-foreground lg:hidden">{row.cooperation.join(" · ")}</span>
      <span className="text-xs sm:hidden">
        {t("deadlineLine", { date: row.deadlineLabel })}
        {row.daysLeftLabel && ` · ${row.daysLeftLabel}`}
      </span>
      <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={expanded ? `why-${row.id}` : undefined}
          onClick={onToggle}
          className="inline-flex items-center gap-1 rounded text-primary underline underline-offset-4 hover:no-underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          {t("why")}
          <ChevronDown
            aria-hidden="true"
            className={cn("size-4 transition-transform", expanded && "rotate-180")}
          />
        </button>
        <Link
          href={`/interests/new?opportunity=${encodeURIComponent(row.slug)}`}
          className="text-primary underline underline-offset-4 hover:no-underline"
        >
          {t("expressInterest")}
        </Link>
      </div>
    </div>
  );
}

function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  options: Option[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        name={name}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

function PageLink({
  href,
  disabled,
  onClick,
  children,
}: {
  href: string;
  disabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  if (disabled) {
    return (
      <span
        aria-disabled="true"
        className={cn(buttonVariants({ variant: "outline", size: "sm" }), "opacity-50")}
      >
        {children}
      </span>
    );
  }
  return (
    <a
      href={href}
      onClick={(e) => {
        e.preventDefault();
        onClick();
      }}
      className={buttonVariants({ variant: "outline", size: "sm" })}
    >
      {children}
    </a>
  );
}

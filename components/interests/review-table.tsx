"use client";

// The officials' review queue. The server has already filtered, sorted and
// paged the rows (lib/interests/review-queries.ts); TanStack Table runs in
// manual mode and turns header clicks, column choices and paging into a new
// address (lib/interests/review-state.ts), which the server renders. Row
// selection stays in the browser: it feeds the bulk assignment and the bulk
// status change, each checked per row against the version it was read at.
import {
  type ColumnVisibilityState,
  columnVisibilityFeature,
  createColumnHelper,
  FlexRender,
  functionalUpdate,
  type PaginationState,
  type RowSelectionState,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Columns3 } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useMemo, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { Link } from "@/lib/i18n/navigation";
import {
  REVIEW_COLUMNS,
  REVIEW_PAGE_SIZES,
  REVIEW_SORTS,
  type ReviewColumn,
  type ReviewPageSize,
  type ReviewSort,
  type ReviewState,
  reviewSearchParams,
} from "@/lib/interests/review-state";
import { cn } from "@/lib/utils";
import { type BulkOfficial, type BulkOutcome, ReviewBulkBar } from "./review-bulk-bar";

export type ReviewTableRow = {
  id: string;
  version: number;
  status: string;
  statusLabel: string;
  open: boolean;
  organisationName: string;
  excerpt: string;
  countryLabel: string;
  typeLabel: string;
  themeName: string;
  opportunityTitle: string | null;
  score: number | null;
  assigneeName: string | null;
  createdLabel: string;
  /** "3 days" (still waiting) or "2 days" (until the first review); null when never reviewed. */
  waitedLabel: string | null;
  waiting: boolean;
  /** Waiting for a first review longer than the target. */
  overdue: boolean;
};

const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
  columnMeta: {} as { className?: string },
});

const helper = createColumnHelper<typeof features, ReviewTableRow>();

const SORTABLE: Record<string, ReviewSort> = {
  organisation: "organisation",
  status: "status",
  score: "score",
  created: "created",
  waited: "waited",
};

export function ReviewTable({
  rows,
  total,
  page,
  pages,
  pageSize,
  state,
  officials,
  meId,
}: {
  rows: ReviewTableRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  state: ReviewState;
  officials: BulkOfficial[];
  meId: string;
}) {
  const t = useTranslations("review");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);

  function navigate(next: Partial<ReviewState>) {
    const query = reviewSearchParams({ ...state, ...next }).toString();
    setRowSelection({});
    setOutcome(null);
    startTransition(() => {
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  }
  const hrefOf = (next: Partial<ReviewState>) => {
    const query = reviewSearchParams({ ...state, ...next }).toString();
    return query ? `${pathname}?${query}` : pathname;
  };

  const sorting: SortingState = [{ id: state.sort, desc: state.dir === "desc" }];
  const pagination: PaginationState = { pageIndex: page - 1, pageSize };
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(
    REVIEW_COLUMNS.map((c) => [c, state.columns.includes(c)]),
  );

  const columns = useMemo(
    () =>
      helper.columns([
        helper.display({
          id: "select",
          enableSorting: false,
          enableHiding: false,
          header: ({ table }) => (
            <input
              type="checkbox"
              className="size-4 accent-primary"
              aria-label={t("selectPage")}
              checked={table.getIsAllPageRowsSelected()}
              ref={(el) => {
                if (el)
                  el.indeterminate =
                    table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected();
              }}
              onChange={table.getToggleAllPageRowsSelectedHandler()}
            />
          ),
          cell: ({ row }) => (
            <input
              type="checkbox"
              className="size-4 accent-primary"
              aria-label={t("selectRow", { name: row.original.organisationName })}
              checked={row.getIsSelected()}
              onChange={row.getToggleSelectedHandler()}
            />
          ),
          meta: { className: "w-10" },
        }),
        helper.accessor("organisationName", {
          id: "organisation",
          header: () => t("columns.organisation"),
          enableHiding: false,
          sortDescFirst: false,
          cell: ({ row }) => (
            <div className="flex min-w-56 max-w-md flex-col gap-1">
              <Link
                href={`/official/interests/${row.original.id}`}
                className="font-semibold leading-snug text-primary underline underline-offset-4 hover:no-underline"
              >
                {row.original.organisationName}
              </Link>
              <p className="line-clamp-2 text-xs text-muted-foreground">{row.original.excerpt}</p>
            </div>
          ),
        }),
        helper.accessor("countryLabel", {
          id: "country",
          header: () => t("columns.country"),
          enableSorting: false,
          meta: { className: "whitespace-nowrap" },
        }),
        helper.accessor("typeLabel", {
          id: "type",
          header: () => t("columns.type"),
          enableSorting: false,
          meta: { className: "whitespace-nowrap" },
        }),
        helper.accessor("themeName", {
          id: "theme",
          header: () => t("columns.theme"),
          enableSorting: false,
          meta: { className: "min-w-32" },
        }),
        helper.accessor("opportunityTitle", {
          id: "opportunity",
          header: () => t("columns.opportunity"),
          enableSorting: false,
          cell: ({ row }) =>
            row.original.opportunityTitle ?? (
              <span className="text-muted-foreground">{t("openInterest")}</span>
            ),
          meta: { className: "min-w-40" },
        }),
        helper.accessor("statusLabel", {
          id: "status",
          header: () => t("columns.status"),
          sortDescFirst: false,
          cell: ({ row }) => (
            <Badge variant={row.original.open ? "default" : "muted"} className="whitespace-nowrap">
              {row.original.statusLabel}
            </Badge>
          ),
        }),
        helper.accessor("score", {
          id: "score",
          header: () => t("columns.score"),
          sortDescFirst: true,
          cell: ({ row }) =>
            row.original.score === null ? (
              <span className="text-muted-foreground">{t("noScore")}</span>
            ) : (
              <span className="font-semibold tabular-nums">{row.original.score}</span>
            ),
        }),
        helper.accessor("assigneeName", {
          id: "assignee",
          header: () => t("columns.assignee"),
          enableSorting: false,
          meta: { className: "whitespace-nowrap" },
          cell: ({ row }) =>
            row.original.assigneeName ?? (
              <span className="text-muted-foreground">{t("unassigned")}</span>
            ),
        }),
        helper.accessor("createdLabel", {
          id: "created",
          header: () => t("columns.created"),
          sortDescFirst: true,
          meta: { className: "whitespace-nowrap" },
        }),
        helper.accessor("waitedLabel", {
          id: "waited",
          header: () => t("columns.waited"),
          sortDescFirst: true,
          cell: ({ row }) => {
            const { waitedLabel, waiting, overdue } = row.original;
            if (waitedLabel === null) return <span className="text-muted-foreground">—</span>;
            return (
              <span className="flex flex-col whitespace-nowrap">
                <span className={cn("tabular-nums", overdue && "font-semibold text-amber-800")}>
                  {waitedLabel}
                </span>
                {waiting && (
                  <span className="text-xs text-muted-foreground">
                    {overdue ? t("overdue") : t("stillWaiting")}
                  </span>
                )}
              </span>
            );
          },
        }),
      ]),
    [t],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableRowSelection: true,
    rowCount: total,
    state: { sorting, pagination, columnVisibility, rowSelection },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) =>
      setRowSelection((old) => functionalUpdate(updater, old)),
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      const sort = next ? SORTABLE[next.id] : undefined;
      if (!next || !sort) return;
      navigate({ sort, dir: next.desc ? "desc" : "asc", page: 1 });
    },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = functionalUpdate(updater, pagination);
      navigate({ page: next.pageIndex + 1, size: next.pageSize as ReviewPageSize });
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const next = functionalUpdate(updater, columnVisibility);
      navigate({ columns: REVIEW_COLUMNS.filter((c) => next[c]) });
    },
  });

  const selected = rows.filter((row) => rowSelection[row.id]);
  const sortColumn = t(`columns.${state.sort}`);
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="text-sm font-medium" aria-live="polite">
          {pending ? t("updating") : t("resultCount", { total, first, last })}
        </p>
        <div className="flex flex-wrap items-end gap-3">
          <ColumnChooser
            columns={REVIEW_COLUMNS.map((id) => ({
              id,
              label: t(`columns.${id}`),
              visible: state.columns.includes(id),
            }))}
            onToggle={(id, visible) => table.getColumn(id)?.toggleVisibility(visible)}
          />
          <div className="flex items-center gap-2">
            <Label htmlFor="review-sort" className="whitespace-nowrap">
              {t("sortBy")}
            </Label>
            <Select
              id="review-sort"
              className="h-9 w-auto"
              value={`${state.sort}:${state.dir}`}
              onChange={(e) => {
                const [id, dir] = e.target.value.split(":");
                table.setSorting([{ id: id!, desc: dir === "desc" }]);
              }}
            >
              {REVIEW_SORTS.flatMap((sort) => [
                <option key={`${sort}:desc`} value={`${sort}:desc`}>
                  {t(`sortOptions.${sort}_desc`)}
                </option>,
                <option key={`${sort}:asc`} value={`${sort}:asc`}>
                  {t(`sortOptions.${sort}_asc`)}
                </option>,
              ])}
            </Select>
          </div>
        </div>
      </div>

      {selected.length > 0 && (
        <ReviewBulkBar
          selected={selected.map((row) => ({ id: row.id, version: row.version, open: row.open }))}
          officials={officials}
          meId={meId}
          onDone={(result) => {
            setRowSelection({});
            setOutcome(result);
            router.refresh();
          }}
        />
      )}
      {outcome && (
        <Alert variant={outcome === "error" ? "error" : "success"}>
          {outcome === "error"
            ? t("bulkFailed")
            : [
                t("bulkChanged", { count: outcome.changed }),
                outcome.conflicts > 0 ? t("bulkConflicts", { count: outcome.conflicts }) : "",
                outcome.refused > 0 ? t("bulkRefused", { count: outcome.refused }) : "",
              ]
                .filter(Boolean)
                .join(" ")}
        </Alert>
      )}

      {rows.length === 0 ? (
        <p className="rounded-xl border border-dashed border-border p-6 text-center text-muted-foreground">
          {t("noResults")}
        </p>
      ) : (
        <section
          aria-label={t("tableRegion")}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
          tabIndex={0}
          className={cn(
            "overflow-x-auto rounded-xl border border-border bg-card transition-opacity focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
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
                          "whitespace-nowrap px-3 py-2.5 font-semibold text-muted-foreground",
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
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  className={cn(
                    "border-t border-border align-top",
                    row.getIsSelected() && "bg-primary/5",
                  )}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      className={cn("px-3 py-3", cell.column.columnDef.meta?.className)}
                    >
                      <FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <nav
        aria-label={t("pagination")}
        className="flex flex-wrap items-center justify-between gap-3 text-sm"
      >
        <div className="flex items-center gap-2">
          <PageLink
            href={hrefOf({ page: page - 1 })}
            disabled={page <= 1}
            onClick={() => table.previousPage()}
          >
            <ChevronLeft aria-hidden="true" className="size-4" /> {t("previous")}
          </PageLink>
          <span>{t("pageStatus", { page, pages })}</span>
          <PageLink
            href={hrefOf({ page: page + 1 })}
            disabled={page >= pages}
            onClick={() => table.nextPage()}
          >
            {t("next")} <ChevronRight aria-hidden="true" className="size-4" />
          </PageLink>
        </div>
        <div className="flex items-center gap-2">
          <Label htmlFor="review-size" className="whitespace-nowrap">
            {t("pageSize")}
          </Label>
          <Select
            id="review-size"
            className="h-9 w-auto"
            value={String(pageSize)}
            onChange={(e) => {
              table.setPageSize(Number(e.target.value));
              table.setPageIndex(0);
            }}
          >
            {REVIEW_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </Select>
        </div>
      </nav>
    </div>
  );
}

function ColumnChooser({
  columns,
  onToggle,
}: {
  columns: Array<{ id: ReviewColumn; label: string; visible: boolean }>;
  onToggle: (id: ReviewColumn, visible: boolean) => void;
}) {
  const t = useTranslations("review");
  return (
    <details className="relative">
      <summary
        className={cn(
          buttonVariants({ variant: "outline", size: "sm" }),
          "cursor-pointer list-none [&::-webkit-details-marker]:hidden",
        )}
      >
        <Columns3 aria-hidden="true" className="size-4" />
        {t("columnsButton")}
      </summary>
      <fieldset className="absolute right-0 z-20 mt-2 flex w-56 flex-col gap-2 rounded-lg border border-border bg-card p-3 shadow-lg">
        <legend className="sr-only">{t("columnsLegend")}</legend>
        {columns.map((column) => (
          <label key={column.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={column.visible}
              onChange={(e) => onToggle(column.id, e.target.checked)}
            />
            {column.label}
          </label>
        ))}
      </fieldset>
    </details>
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

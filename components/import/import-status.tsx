"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/lib/i18n/navigation";
import type { ImportRunView } from "@/lib/import/queries";
import { cn } from "@/lib/utils";

const cell = "px-3 py-2 align-top sm:px-4";
const running = (status: ImportRunView["status"]) => status === "PENDING" || status === "RUNNING";

/** An import's progress, polled every second while it runs, then its outcome or error report. */
export function ImportStatus({ initial }: { initial: ImportRunView }) {
  const t = useTranslations("import");
  const format = useFormatter();
  const [run, setRun] = useState(initial);

  useEffect(() => {
    if (!running(run.status)) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/official/imports/${encodeURIComponent(run.id)}`, {
          cache: "no-store",
        });
        if (response.ok && !stopped) setRun((await response.json()) as ImportRunView);
        else if (!stopped) setRun((current) => ({ ...current })); // try again
      } catch {
        if (!stopped) setRun((current) => ({ ...current }));
      }
    }, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [run]);

  const total = run.totalRows;
  const done = run.status === "SUCCEEDED" ? total : run.processedRows;
  const percent =
    total > 0 ? Math.round((done / total) * 100) : run.status === "SUCCEEDED" ? 100 : 0;
  const phase =
    run.status === "PENDING"
      ? t("waiting")
      : run.status === "RUNNING" && run.processedRows === 0
        ? t("checking")
        : t("importing", { done: format.number(done), total: format.number(total) });

  return (
    <div className="flex flex-col gap-6">
      {running(run.status) && (
        <div className="flex flex-col gap-2">
          <p aria-live="polite" className="text-sm font-medium">
            {phase}
          </p>
          <div
            role="progressbar"
            aria-label={t("progressLabel")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent} %`}
            className="h-3 w-full overflow-hidden rounded-full bg-muted"
          >
            <div
              className="h-full rounded-full bg-primary transition-[width] duration-500"
              style={{ width: `${percent}%` }}
            />
          </div>
          <p className="text-sm tabular-nums text-muted-foreground">{percent} %</p>
        </div>
      )}

      {run.status === "SUCCEEDED" && (
        <Alert variant="success">
          <p className="font-semibold">
            {t("succeeded", { created: run.created, updated: run.updated })}
          </p>
          <p className="mt-1">{t("succeededNote")}</p>
        </Alert>
      )}

      {run.status === "FAILED" && (
        <section aria-labelledby="import-failed" className="flex flex-col gap-4">
          <Alert variant="error">
            <h2 id="import-failed" className="text-base font-semibold">
              {t("failedTitle")}
            </h2>
            <p className="mt-1">{t("failedLead", { count: run.errors.length })}</p>
          </Alert>
          {run.errors.length > 0 && (
            <div className="overflow-x-auto rounded-xl border border-border bg-card shadow-sm">
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">{t("errorsCaption")}</caption>
                <thead className="border-b border-border bg-muted/60">
                  <tr>
                    <th scope="col" className={cn(cell, "w-px whitespace-nowrap font-semibold")}>
                      {t("errorColumns.row")}
                    </th>
                    <th scope="col" className={cn(cell, "w-px whitespace-nowrap font-semibold")}>
                      {t("errorColumns.field")}
                    </th>
                    <th scope="col" className={cn(cell, "font-semibold")}>
                      {t("errorColumns.message")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {run.errors.map((error, index) => (
                    <tr
                      // Errors have no id; their order is fixed once stored.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      key={index}
                      className="border-b border-border last:border-b-0"
                    >
                      <td className={cn(cell, "whitespace-nowrap tabular-nums")}>
                        {error.row > 0
                          ? format.number(error.row)
                          : run.format === "CSV"
                            ? t("headerRow")
                            : t("fileRow")}
                      </td>
                      <td className={cn(cell, "whitespace-nowrap font-mono text-xs leading-5")}>
                        {error.field || "—"}
                      </td>
                      <td className={cn(cell, "[overflow-wrap:anywhere]")}>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      {!running(run.status) && (
        <p>
          <Link
            href="/official/import"
            className="text-primary underline underline-offset-4 hover:no-underline"
          >
            {t("anotherImport")}
          </Link>
        </p>
      )}
    </div>
  );
}

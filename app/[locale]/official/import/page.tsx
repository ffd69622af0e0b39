import { Download } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { UploadForm } from "@/components/import/upload-form";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { listRecentImports } from "@/lib/import/queries";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/import/run";
import { IMPORT_FIELDS, IMPORT_LIMITS, REQUIRED_FIELDS } from "@/lib/import/schema";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { cn } from "@/lib/utils";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }> };

const cell = "px-3 py-2 align-top sm:px-4";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "import" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function ImportPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requirePageCaller(locale, "/official/import", { roles: OFFICIAL_ROLES });
  const [recent, t, format] = await Promise.all([
    listRecentImports(),
    getTranslations({ locale, namespace: "import" }),
    getFormatter({ locale }),
  ]);
  const megabytes = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
  const required = new Set<string>(REQUIRED_FIELDS);
  const fieldText = {
    externalRef: t("fields.externalRef"),
    name: t("fields.name"),
    type: t("fields.type"),
    country: t("fields.country"),
    city: t("fields.city"),
    website: t("fields.website"),
    description: t("fields.description", {
      min: IMPORT_LIMITS.descriptionMin,
      max: IMPORT_LIMITS.descriptionMax,
    }),
    keywords: t("fields.keywords", { max: IMPORT_LIMITS.keywordsMax }),
    themes: t("fields.themes", { example: "dairy" }),
  };

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary">{t("eyebrow")}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">{t("lead")}</p>

      <div className="mt-10 grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <section
          aria-labelledby="upload-title"
          className="h-fit rounded-xl border border-border bg-card p-5 shadow-sm sm:p-6"
        >
          <h2 id="upload-title" className="text-xl font-semibold tracking-tight">
            {t("uploadTitle")}
          </h2>
          <div className="mt-4">
            <ClientMessages namespaces={["import"]}>
              <UploadForm maxBytes={IMPORT_MAX_BYTES} />
            </ClientMessages>
          </div>
          <h3 className="mt-6 text-base font-semibold">{t("rulesTitle")}</h3>
          <ul className="mt-2 list-disc space-y-1.5 pl-5 text-sm leading-relaxed">
            <li>{t("rules.allOrNothing")}</li>
            <li>{t("rules.update")}</li>
            <li>
              {t("rules.limits", {
                rows: format.number(IMPORT_MAX_ROWS),
                megabytes,
              })}
            </li>
          </ul>
          <h3 className="mt-6 text-base font-semibold">{t("examplesTitle")}</h3>
          <ul className="mt-2 flex flex-col gap-1.5 text-sm">
            <li>
              <a
                href="/examples/organisations-example.csv"
                download
                className="inline-flex items-center gap-1.5 text-primary underline underline-offset-4 hover:no-underline"
              >
                <Download aria-hidden="true" className="size-4 shrink-0" />
                {t("exampleCsv")}
              </a>
            </li>
            <li>
              <a
                href="/examples/organisations-example.jsonl"
                download
                className="inline-flex items-center gap-1.5 text-primary underline underline-offset-4 hover:no-underline"
              >
                <Download aria-hidden="true" className="size-4 shrink-0" />
                {t("exampleJsonl")}
              </a>
            </li>
          </ul>
        </section>

        <section aria-labelledby="fields-title">
          <h2 id="fields-title" className="text-xl font-semibold tracking-tight">
            {t("fieldsTitle")}
          </h2>
          <div className="mt-4 overflow-x-auto rounded-xl border border-border bg-card shadow-sm">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("fieldsCaption")}</caption>
              <thead className="border-b border-border bg-muted/60">
                <tr>
                  <th scope="col" className={cn(cell, "font-semibold")}>
                    {t("columns.field")}
                  </th>
                  <th scope="col" className={cn(cell, "w-px whitespace-nowrap font-semibold")}>
                    {t("columns.required")}
                  </th>
                  <th scope="col" className={cn(cell, "font-semibold")}>
                    {t("columns.meaning")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {IMPORT_FIELDS.map((field) => (
                  <tr key={field} className="border-b border-border last:border-b-0">
                    <th scope="row" className={cn(cell, "font-mono text-xs font-normal leading-5")}>
                      {field}
                    </th>
                    <td className={cell}>{required.has(field) ? t("yes") : t("no")}</td>
                    <td className={cn(cell, "leading-relaxed")}>{fieldText[field]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>

      <section aria-labelledby="recent-title" className="mt-12">
        <h2 id="recent-title" className="text-xl font-semibold tracking-tight">
          {t("recentTitle")}
        </h2>
        {recent.length === 0 ? (
          <p className="mt-4 rounded-xl border border-border bg-card p-6 text-muted-foreground">
            {t("noRecent")}
          </p>
        ) : (
          <div className="mt-4 overflow-x-auto rounded-xl border border-border bg-card shadow-sm">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("recentCaption")}</caption>
              <thead className="border-b border-border bg-muted/60">
                <tr>
                  <th scope="col" className={cn(cell, "font-semibold")}>
                    {t("recentColumns.file")}
                  </th>
                  <th scope="col" className={cn(cell, "hidden font-semibold sm:table-cell")}>
                    {t("recentColumns.when")}
                  </th>
                  <th scope="col" className={cn(cell, "hidden font-semibold md:table-cell")}>
                    {t("recentColumns.by")}
                  </th>
                  <th scope="col" className={cn(cell, "font-semibold")}>
                    {t("recentColumns.status")}
                  </th>
                  <th scope="col" className={cn(cell, "hidden font-semibold sm:table-cell")}>
                    {t("recentColumns.result")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {recent.map((run) => {
                  const when = format.dateTime(new Date(run.createdAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  });
                  const by =
                    run.source === "cli"
                      ? t("bySource.cli")
                      : run.source === "api"
                        ? `${t("bySource.api")}${run.createdByName ? ` · ${run.createdByName}` : ""}`
                        : (run.createdByName ?? "—");
                  return (
                    <tr key={run.id} className="border-b border-border last:border-b-0">
                      <th scope="row" className={cn(cell, "font-normal")}>
                        <Link
                          href={`/official/import/${run.id}`}
                          className="text-primary underline underline-offset-4 [overflow-wrap:anywhere] hover:no-underline"
                        >
                          {run.fileName ?? t("unnamedFile")}
                        </Link>
                        <span className="mt-0.5 block text-muted-foreground sm:hidden">{when}</span>
                      </th>
                      <td className={cn(cell, "hidden whitespace-nowrap sm:table-cell")}>{when}</td>
                      <td className={cn(cell, "hidden md:table-cell")}>{by}</td>
                      <td className={cn(cell, "whitespace-nowrap")}>{t(`status.${run.status}`)}</td>
                      <td className={cn(cell, "hidden sm:table-cell")}>
                        {run.status === "SUCCEEDED"
                          ? t("resultCounts", { created: run.created, updated: run.updated })
                          : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditEntries } from "@/components/audit/audit-entries";
import { AuditFilters } from "@/components/audit/audit-filters";
import { Button } from "@/components/ui/button";
import { listAuditEntries } from "@/lib/audit/queries";
import { auditQuery, isFiltered, parseAuditFilter } from "@/lib/audit/schema";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "audit" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function AuditLogPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const filter = parseAuditFilter(await searchParams);
  const here = auditQuery(filter, { before: filter.before, after: filter.after });
  await requirePageCaller(locale, `/admin/audit${here ? `?${here}` : ""}`, { roles: ["ADMIN"] });

  const { entries, hasOlder, hasNewer } = await listAuditEntries(filter);
  const t = await getTranslations({ locale, namespace: "audit" });
  const at = (position: Parameters<typeof auditQuery>[1]) => {
    const query = auditQuery(filter, position);
    return `/admin/audit${query ? `?${query}` : ""}`;
  };
  const first = entries[0];
  const last = entries.at(-1);
  // Past the end of a list that changed meanwhile: at least the way back.
  const showNewest = hasNewer || (entries.length === 0 && Boolean(filter.before || filter.after));

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted-foreground">{t("lead")}</p>

      <AuditFilters locale={locale} filter={filter} />

      <section aria-labelledby="audit-results-title" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="audit-results-title" className="text-xl font-semibold">
            {t("resultsTitle")}
          </h2>
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t("showing", { count: entries.length })} {entries.length > 0 && t("newestFirst")}
          </p>
        </div>

        {entries.length === 0 ? (
          <p className="mt-4 rounded-xl border border-border bg-card p-6">
            {isFiltered(filter) ? t("emptyFiltered") : t("empty")}
          </p>
        ) : (
          <AuditEntries locale={locale} filter={filter} entries={entries} />
        )}

        {(showNewest || hasOlder) && (
          <nav
            aria-label={t("pagination")}
            className="mt-4 flex flex-wrap items-center justify-between gap-2"
          >
            <div className="flex flex-wrap gap-2">
              {showNewest && (
                <>
                  <Button asChild variant="outline" size="sm">
                    <Link href={at({})}>{t("newest")}</Link>
                  </Button>
                  {hasNewer && first && (
                    <Button asChild variant="outline" size="sm">
                      <Link href={at({ after: first })} rel="prev">
                        {t("newer")}
                      </Link>
                    </Button>
                  )}
                </>
              )}
            </div>
            {hasOlder && last && (
              <Button asChild variant="outline" size="sm">
                <Link href={at({ before: last })} rel="next">
                  {t("older")}
                </Link>
              </Button>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

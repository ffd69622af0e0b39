import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { ImportStatus } from "@/components/import/import-status";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { getImportRun } from "@/lib/import/queries";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "import" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function ImportRunPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requirePageCaller(locale, `/official/import/${encodeURIComponent(id)}`, {
    roles: OFFICIAL_ROLES,
  });
  const run = await getImportRun(id);
  if (!run) notFound();
  const [t, format] = await Promise.all([
    getTranslations({ locale, namespace: "import" }),
    getFormatter({ locale }),
  ]);
  const when = format.dateTime(new Date(run.createdAt), {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const by =
    run.source === "cli"
      ? t("bySource.cli")
      : run.source === "api"
        ? t("bySource.api")
        : run.createdByName;

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href="/official/import"
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("back")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("title")}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight [overflow-wrap:anywhere] sm:text-4xl">
        {run.fileName ? t("runTitle", { file: run.fileName }) : t("runTitleNoName")}
      </h1>
      <p className="mt-3 text-muted-foreground">
        {by ? t("startedBy", { when, name: by }) : t("startedAt", { when })}
      </p>
      <div className="mt-8 max-w-4xl">
        <ClientMessages namespaces={["import"]}>
          <ImportStatus initial={run} />
        </ClientMessages>
      </div>
    </div>
  );
}

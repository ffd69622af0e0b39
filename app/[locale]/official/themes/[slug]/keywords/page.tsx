import { ChevronLeft } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/forms/client-messages";
import { ThemeKeywordsForm } from "@/components/official/manage-theme-keywords-form";
import { Alert } from "@/components/ui/alert";
import { getCaller } from "@/lib/auth/gate";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { isOfficialRole, OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { getThemeKeywords } from "@/lib/themes/manage-queries";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const caller = await getCaller();
  if (!caller || !isOfficialRole(caller.role)) return { robots: { index: false } };
  const theme = await getThemeKeywords(slug);
  const t = await getTranslations({ locale, namespace: "themeKeywords" });
  return {
    title: theme ? t("metaTitle", { name: localized(theme, "name", locale) }) : undefined,
    robots: { index: false },
  };
}

export default async function ThemeKeywordsPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const themePath = `/official/themes/${encodeURIComponent(slug)}`;
  await requirePageCaller(locale, `${themePath}/keywords`, { roles: OFFICIAL_ROLES });
  const theme = await getThemeKeywords(slug);
  if (!theme) notFound();
  const t = await getTranslations({ locale, namespace: "themeKeywords" });
  const saved = (await searchParams).saved === "1";
  const updatedAt = theme.updatedAt.toISOString();

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <Link
        href={themePath}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft aria-hidden="true" className="size-4" /> {t("backToTheme")}
      </Link>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-primary">
        {t("eyebrow")}
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
        {localized(theme, "name", locale)}
      </h1>
      <p className="mt-4 max-w-3xl text-lg leading-relaxed">{t("lead")}</p>
      {saved && (
        <Alert variant="success" className="mt-6">
          {t("saved")}
        </Alert>
      )}
      <div className="mt-8">
        <ClientMessages namespaces={["themeKeywords"]}>
          <ThemeKeywordsForm
            key={updatedAt}
            slug={theme.slug}
            defaultValues={{
              themeId: theme.id,
              updatedAt,
              keywordsEn: theme.keywordsEn.join("\n"),
              keywordsZh: theme.keywordsZh.join("\n"),
            }}
          />
        </ClientMessages>
      </div>
    </div>
  );
}

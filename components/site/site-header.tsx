import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const other = locale === "en" ? "zh" : "en";
  const switcher = (
    <LanguageSwitcher
      targetLocale={other}
      label={t("switchTo")}
      ariaLabel={t("switchToLabel")}
      hrefLang={other === "zh" ? "zh-CN" : "en"}
    />
  );
  return (
    <header className="border-b border-border bg-card/80 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-md bg-primary text-sm font-bold text-primary-foreground"
          >
            B
          </span>
          <span className="text-lg">Bridgehead</span>
        </Link>
        <nav aria-label={t("mainNavigation")} className="flex items-center gap-1 sm:gap-4">
          <Link
            href="/#themes"
            className="hidden rounded-md px-2 py-1.5 text-sm text-muted-foreground hover:text-foreground sm:inline"
          >
            {t("themes")}
          </Link>
          <Link
            href="/#how-it-works"
            className="hidden rounded-md px-2 py-1.5 text-sm text-muted-foreground hover:text-foreground sm:inline"
          >
            {t("howItWorks")}
          </Link>
          <Suspense fallback={null}>{switcher}</Suspense>
        </nav>
      </div>
    </header>
  );
}

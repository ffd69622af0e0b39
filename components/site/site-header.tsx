import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { type Caller, getCaller } from "@/lib/auth/gate";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { LanguageSwitcher } from "./language-switcher";
import { UserMenu } from "./user-menu";

type MenuLabel = "matches" | "official" | "organisation" | "account" | "users" | "outbox";

function menuFor(caller: Caller): Array<{ path: string; label: MenuLabel }> {
  if (caller.role === "ADMIN") {
    return [
      { path: "/official", label: "official" },
      { path: "/admin/users", label: "users" },
      { path: "/admin/outbox", label: "outbox" },
      { path: "/account", label: "account" },
    ];
  }
  if (caller.role === "OFFICIAL")
    return [
      { path: "/official", label: "official" },
      { path: "/account", label: "account" },
    ];
  return [
    { path: "/matches", label: "matches" },
    { path: "/organisation", label: "organisation" },
    { path: "/account", label: "account" },
  ];
}

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const tu = await getTranslations({ locale, namespace: "userMenu" });
  const caller = await getCaller();
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
          {caller ? (
            <UserMenu
              name={caller.name}
              menuLabel={tu("menu")}
              items={menuFor(caller).map((item) => ({
                href: `/${locale}${item.path}`,
                label: tu(item.label),
              }))}
              signOutLabel={tu("signOut")}
              afterSignOut={`/${locale}/login?notice=signedOut`}
            />
          ) : (
            <>
              <Link
                href="/login"
                className="whitespace-nowrap rounded-md px-2 py-1.5 text-sm font-medium text-primary hover:underline"
              >
                {tu("signIn")}
              </Link>
              <Link
                href="/register"
                className="hidden rounded-md bg-primary px-3 py-1.5 text-sm font-medium text-primary-foreground hover:bg-primary/90 sm:inline-block"
              >
                {tu("register")}
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

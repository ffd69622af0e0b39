import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { type Caller, getCaller } from "@/lib/auth/gate";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { LanguageSwitcher } from "./language-switcher";
import { UserMenu } from "./user-menu";

type UserMenuLabel = "matches" | "official" | "organisation" | "account" | "users" | "outbox";
/** Labels from the "audit" namespace. */
type AuditMenuLabel = "auditLog";
type SiteMenuLabel =
  | "myInterests"
  | "reviewQueue"
  | "dashboard"
  | "opportunities"
  | "import"
  | "apiTokens"
  | "notifications";
type MenuEntry = { path: string; label: UserMenuLabel | SiteMenuLabel | AuditMenuLabel };

const OFFICIAL_WORK: MenuEntry[] = [
  { path: "/official", label: "official" },
  { path: "/official/interests", label: "reviewQueue" },
  { path: "/official/interests/dashboard", label: "dashboard" },
  { path: "/official/manage", label: "opportunities" },
  { path: "/official/import", label: "import" },
  { path: "/official/api-tokens", label: "apiTokens" },
];

/** The user menu, in groups (a separator between them). */
function menuFor(caller: Caller): MenuEntry[][] {
  const personal: MenuEntry[] = [
    { path: "/notifications", label: "notifications" },
    { path: "/account", label: "account" },
  ];
  if (caller.role === "ADMIN") {
    return [
      OFFICIAL_WORK,
      [
        { path: "/admin/users", label: "users" },
        { path: "/admin/outbox", label: "outbox" },
        { path: "/admin/audit", label: "auditLog" },
      ],
      personal,
    ];
  }
  if (caller.role === "OFFICIAL") return [OFFICIAL_WORK, personal];
  return [
    [
      { path: "/matches", label: "matches" },
      { path: "/interests", label: "myInterests" },
      { path: "/organisation", label: "organisation" },
    ],
    personal,
  ];
}

const SITE_MENU_LABELS = new Set<string>([
  "myInterests",
  "reviewQueue",
  "dashboard",
  "opportunities",
  "import",
  "apiTokens",
  "notifications",
]);

export async function SiteHeader({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const tu = await getTranslations({ locale, namespace: "userMenu" });
  const ts = await getTranslations({ locale, namespace: "siteMenu" });
  const tn = await getTranslations({ locale, namespace: "notifications" });
  const ta = await getTranslations({ locale, namespace: "audit" });
  const caller = await getCaller();
  const unread = caller ? await countUnreadNotifications(caller.userId) : 0;
  const labelOf = (label: MenuEntry["label"]) =>
    label === "auditLog"
      ? ta("title")
      : SITE_MENU_LABELS.has(label)
        ? ts(label as SiteMenuLabel)
        : tu(label as UserMenuLabel);
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
            <>
              <NotificationBell
                href={`/${locale}/notifications`}
                count={unread}
                label={tn("bellUnread", { count: unread })}
              />
              <UserMenu
                name={caller.name}
                menuLabel={tu("menu")}
                groups={menuFor(caller).map((group) =>
                  group.map((item) => ({
                    href: `/${locale}${item.path}`,
                    label: labelOf(item.label),
                  })),
                )}
                signOutLabel={tu("signOut")}
                afterSignOut={`/${locale}/login?notice=signedOut`}
              />
            </>
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

"use client";

import { usePathname, useSearchParams } from "next/navigation";

type Props = { targetLocale: string; label: string; ariaLabel: string; hrefLang: string };

/** Links to the same page in the other language. */
export function LanguageSwitcher({ targetLocale, label, ariaLabel, hrefLang }: Props) {
  const pathname = usePathname() ?? "/";
  const search = useSearchParams()?.toString();
  const rest = pathname.replace(/^\/(en|zh)(?=\/|$)/, "");
  const href = `/${targetLocale}${rest}${search ? `?${search}` : ""}`;
  return (
    <a
      href={href}
      hrefLang={hrefLang}
      lang={hrefLang}
      aria-label={ariaLabel}
      className="shrink-0 whitespace-nowrap rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      {label}
    </a>
  );
}

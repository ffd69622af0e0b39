import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { getCityNames } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { htmlLang, isLocale } from "@/lib/i18n/routing";
import { inter } from "../fonts";

// Every page reads live data from PostgreSQL.
export const dynamic = "force-dynamic";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  const city = await getCityNames();
  const cityName = city ? localized(city, "name", locale) : "";
  return {
    title: { default: t("title", { city: cityName }), template: `%s · Bridgehead` },
    description: t("description", { city: cityName }),
    alternates: { languages: { en: "/en", "zh-CN": "/zh" } },
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "nav" });
  // Client components get only the namespaces they use, not every message.
  const { error } = await getMessages({ locale });
  return (
    <html lang={htmlLang[locale]} className={inter.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-card focus:px-4 focus:py-2 focus:shadow"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={{ error }}>
          <SiteHeader locale={locale} />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter locale={locale} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

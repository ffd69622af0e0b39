import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";

// Any path under a language that no page serves: the 404 page in that
// language, inside the site's layout (app/[locale]/not-found.tsx), rather
// than the bilingual last resort (app/not-found.tsx).

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "notFound" });
  return { title: t("title"), robots: { index: false } };
}

export default function UnknownPage() {
  notFound();
}

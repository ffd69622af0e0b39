import { notFound, redirect } from "next/navigation";
import { getLandingPath } from "@/lib/auth/landing";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { isLocale } from "@/lib/i18n/routing";

/** Where each role starts after signing in. */
export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const caller = await requirePageCaller(locale, "/dashboard");
  redirect(`/${locale}${await getLandingPath(caller)}`);
}

import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { ClientMessages } from "@/components/forms/client-messages";
import { getCaller } from "@/lib/auth/gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "register" }))("title") };
}

export default async function RegisterPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  if (await getCaller()) redirect(`/${locale}/dashboard`);
  const t = await getTranslations({ locale, namespace: "register" });
  return (
    <AuthCard title={t("title")} lead={t("lead")}>
      <ClientMessages namespaces={["register"]}>
        <RegisterForm />
      </ClientMessages>
      <p className="mt-6 text-sm text-muted-foreground">
        {t("haveAccount")}{" "}
        <Link
          href="/login"
          className="text-primary underline underline-offset-4 hover:no-underline"
        >
          {t("signIn")}
        </Link>
      </p>
      <p className="mt-2 text-xs text-muted-foreground">{t("staffNote")}</p>
    </AuthCard>
  );
}

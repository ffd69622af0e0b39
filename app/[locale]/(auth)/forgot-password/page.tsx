import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/email-form";
import { ClientMessages } from "@/components/forms/client-messages";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ locale: string }> };

export default async function ForgotPasswordPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "forgotPassword" });
  return (
    <AuthCard title={t("title")} lead={t("lead")}>
      <ClientMessages namespaces={["forgotPassword"]}>
        <ForgotPasswordForm />
      </ClientMessages>
      <Link
        href="/login"
        className="mt-6 inline-block text-sm text-primary underline underline-offset-4 hover:no-underline"
      >
        {t("back")}
      </Link>
    </AuthCard>
  );
}

import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { ClientMessages } from "@/components/forms/client-messages";
import { Alert } from "@/components/ui/alert";
import { isLocale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations({ locale, namespace: "resetPassword" });
  const tVerify = await getTranslations({ locale, namespace: "verify" });
  return (
    <AuthCard title={t("title")}>
      {typeof token === "string" && token ? (
        <ClientMessages namespaces={["resetPassword"]}>
          <ResetPasswordForm token={token} locale={locale} />
        </ClientMessages>
      ) : (
        <Alert variant="error">{tVerify("missing")}</Alert>
      )}
    </AuthCard>
  );
}

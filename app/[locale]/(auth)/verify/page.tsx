import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { TokenForm } from "@/components/auth/token-form";
import { Alert } from "@/components/ui/alert";
import { verifyEmail } from "@/lib/auth/actions";
import { isLocale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> };

export default async function VerifyPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations({ locale, namespace: "verify" });
  const tErrors = await getTranslations({ locale, namespace: "errors" });
  return (
    <AuthCard title={t("title")} lead={t("lead")}>
      {typeof token === "string" && token ? (
        <TokenForm
          token={token}
          action={verifyEmail}
          nextHref={`/${locale}/login?notice=verified`}
          texts={{
            submit: t("submit"),
            submitting: t("submitting"),
            done: t("done"),
            invalid: t("invalid"),
            next: t("signIn"),
            failed: tErrors("UNAVAILABLE"),
          }}
        />
      ) : (
        <Alert variant="error">{t("missing")}</Alert>
      )}
    </AuthCard>
  );
}

import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { TokenForm } from "@/components/auth/token-form";
import { Alert } from "@/components/ui/alert";
import { confirmEmailChange } from "@/lib/auth/actions";
import { isLocale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string }> };

export default async function ConfirmEmailPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { token } = await searchParams;
  const t = await getTranslations({ locale, namespace: "confirmEmail" });
  const tErrors = await getTranslations({ locale, namespace: "errors" });
  const tVerify = await getTranslations({ locale, namespace: "verify" });
  return (
    <AuthCard title={t("title")} lead={t("lead")}>
      {typeof token === "string" && token ? (
        <TokenForm
          token={token}
          action={confirmEmailChange}
          nextHref={`/${locale}/login`}
          texts={{
            submit: t("submit"),
            submitting: t("submitting"),
            done: t("done"),
            invalid: t("invalid"),
            next: t("signIn"),
            failed: tErrors("CONFLICT"),
          }}
        />
      ) : (
        <Alert variant="error">{tVerify("missing")}</Alert>
      )}
    </AuthCard>
  );
}

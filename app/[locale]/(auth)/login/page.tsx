import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { ClientMessages } from "@/components/forms/client-messages";
import { Alert } from "@/components/ui/alert";
import { getCaller } from "@/lib/auth/gate";
import { safeNext } from "@/lib/auth/safe-next";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string; notice?: string; error?: string }>;
};

const NOTICES = ["verified", "passwordReset", "signedOut"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "login" }))("title") };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const next = safeNext(query.next, locale);
  if (await getCaller()) redirect(next);
  const t = await getTranslations({ locale, namespace: "login" });
  const notice = NOTICES.find((n) => n === query.notice);
  return (
    <AuthCard title={t("title")} lead={t("lead")}>
      {notice && (
        <Alert variant="success" className="mb-4">
          {t(notice)}
        </Alert>
      )}
      <ClientMessages namespaces={["login"]}>
        <LoginForm next={next} />
      </ClientMessages>
      <div className="mt-6 flex flex-col gap-2 text-sm">
        <Link
          href="/forgot-password"
          className="text-primary underline underline-offset-4 hover:no-underline"
        >
          {t("forgot")}
        </Link>
        <p className="text-muted-foreground">
          {t("noAccount")}{" "}
          <Link
            href="/register"
            className="text-primary underline underline-offset-4 hover:no-underline"
          >
            {t("register")}
          </Link>
        </p>
      </div>
    </AuthCard>
  );
}

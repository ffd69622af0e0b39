import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import {
  ChangeEmailForm,
  ChangePasswordForm,
  DeleteAccountForm,
  LogOutEverywhereButton,
} from "@/components/account/account-forms";
import { ClientMessages } from "@/components/forms/client-messages";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { getAccountOverview } from "@/lib/auth/queries";
import { isLocale } from "@/lib/i18n/routing";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  return { title: (await getTranslations({ locale, namespace: "account" }))("title") };
}

function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby={id}>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {lead && <p className="mt-1 text-sm text-muted-foreground">{lead}</p>}
        <div className="mt-4">{children}</div>
      </section>
    </Card>
  );
}

export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/account");
  const t = await getTranslations({ locale, namespace: "account" });
  const overview = await getAccountOverview(caller);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-muted-foreground">{t("lead")}</p>
      <dl className="mt-6 grid gap-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-muted-foreground">{t("profile")}</dt>
        <dd className="font-medium">
          {caller.name} · {caller.email}
        </dd>
        <dt className="text-muted-foreground">{t("role")}</dt>
        <dd className="font-medium">{t(`roles.${caller.role}`)}</dd>
      </dl>
      <ClientMessages namespaces={["account"]}>
        <div className="mt-8 flex flex-col gap-6">
          <Section id="password-title" title={t("passwordTitle")}>
            <ChangePasswordForm />
          </Section>
          <Section id="email-title" title={t("emailTitle")} lead={t("emailLead")}>
            <ChangeEmailForm />
          </Section>
          <Section id="sessions-title" title={t("sessionsTitle")} lead={t("sessionsLead")}>
            <LogOutEverywhereButton locale={locale} />
          </Section>
          <Section id="data-title" title={t("dataTitle")} lead={t("dataLead")}>
            <Button asChild variant="outline">
              <a href="/api/account/export" download>
                {t("download")}
              </a>
            </Button>
          </Section>
          <Section id="delete-title" title={t("deleteTitle")} lead={t("deleteLead")}>
            <DeleteAccountForm
              locale={locale}
              lastMemberOf={overview.lastMember ? (overview.organisation?.name ?? null) : null}
            />
          </Section>
        </div>
      </ClientMessages>
    </div>
  );
}

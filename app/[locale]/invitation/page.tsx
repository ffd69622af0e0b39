import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/admin/accept-invitation-form";
import { ClientMessages } from "@/components/forms/client-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCityProfile } from "@/lib/cities/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { getInvitationByToken } from "@/lib/invitations/queries";
import { invitationToken } from "@/lib/invitations/schema";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "invitations" });
  // The token is in the address: keep it out of search engines and Referer headers.
  return { title: t("metaTitle"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function InvitationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const raw = (await searchParams).token;
  const parsed = invitationToken.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const [found, city] = await Promise.all([
    parsed.success
      ? getInvitationByToken(parsed.data)
      : Promise.resolve({ state: "unknown" as const }),
    getCityProfile(),
  ]);
  const t = await getTranslations({ locale, namespace: "invitations" });
  const format = await getFormatter({ locale });
  const cityName = city ? localized(city, "name", locale) : "";

  let body: React.ReactNode;
  if (found.state !== "valid") {
    body = (
      <div className="flex flex-col gap-4">
        <h2 className="text-xl font-semibold">{t("unavailableTitle")}</h2>
        <Alert variant="warning">{t(found.state)}</Alert>
        {(found.state === "accountExists" || found.state === "used") && (
          <Button asChild className="self-start">
            <Link href="/login">{t("signIn")}</Link>
          </Button>
        )}
      </div>
    );
  } else {
    const { invitation } = found;
    const staff = invitation.role !== "PARTNER";
    const inviter = invitation.inviterName;
    const intro = staff
      ? inviter
        ? t("staffIntro", { inviter, role: invitation.role, city: cityName })
        : t("staffIntroAnonymous", { role: invitation.role, city: cityName })
      : inviter
        ? t("colleagueIntro", { inviter, organisation: invitation.organisationName ?? "" })
        : t("colleagueIntroAnonymous", { organisation: invitation.organisationName ?? "" });
    body = (
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-2">
          <p className="text-lg leading-relaxed">{intro}</p>
          <p className="text-muted-foreground">
            {staff
              ? t("staffExplain", { city: cityName })
              : t("colleagueExplain", { city: cityName })}
          </p>
        </div>
        <dl className="rounded-lg border border-border bg-muted/40 p-4 text-sm">
          <dt className="text-muted-foreground">{t("email")}</dt>
          <dd className="mt-1 [overflow-wrap:anywhere] font-medium">{invitation.email}</dd>
        </dl>
        <p className="text-sm text-muted-foreground">
          {t("validUntil", {
            date: format.dateTime(invitation.expiresAt, { dateStyle: "long", timeStyle: "short" }),
          })}
        </p>
        <ClientMessages namespaces={["invitations"]}>
          <AcceptInvitationForm token={parsed.data!} locale={locale} email={invitation.email} />
        </ClientMessages>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <Card className="mt-6 p-5 sm:p-6">{body}</Card>
    </div>
  );
}

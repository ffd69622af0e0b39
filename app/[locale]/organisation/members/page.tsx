import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { InviteColleagueForm } from "@/components/admin/invite-colleague-form";
import { RevokeInvitationButton } from "@/components/admin/revoke-invitation-button";
import { ClientMessages } from "@/components/forms/client-messages";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { isLocale } from "@/lib/i18n/routing";
import { revokeColleagueInvitation } from "@/lib/invitations/actions";
import { listPendingInvitations, organisationName } from "@/lib/invitations/queries";
import { listOrganisationMembers } from "@/lib/users/queries";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "members" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function MembersPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/organisation/members", {
    roles: ["PARTNER"],
    organisation: true,
  });
  const organisationId = caller.organisationId!;
  const [name, members, invitations] = await Promise.all([
    organisationName(organisationId),
    listOrganisationMembers(organisationId),
    listPendingInvitations(organisationId),
  ]);
  if (name === null) notFound();
  const t = await getTranslations({ locale, namespace: "members" });
  const tStatus = await getTranslations({ locale, namespace: "userStatus" });
  const format = await getFormatter({ locale });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary">{name}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted-foreground">{t("lead", { organisation: name })}</p>

      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-8">
          <section aria-labelledby="members-title">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="members-title" className="text-xl font-semibold">
                {t("membersTitle")}
              </h2>
              <p className="text-sm text-muted-foreground">
                {t("count", { count: members.length })}
              </p>
            </div>
            <ul className="mt-4 flex flex-col gap-3">
              {members.map((member) => (
                <li key={member.id}>
                  <Card className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <p className="font-medium">
                        {member.name}
                        {member.id === caller.userId && (
                          <span className="ml-2 text-sm font-normal text-muted-foreground">
                            ({t("you")})
                          </span>
                        )}
                      </p>
                      <p className="[overflow-wrap:anywhere] text-sm text-muted-foreground">
                        {member.email}
                      </p>
                    </div>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:text-right">
                      <dt className="text-muted-foreground">{t("columns.status")}</dt>
                      <dd>
                        <Badge variant={member.status === "ACTIVE" ? "success" : "muted"}>
                          {tStatus(member.status)}
                        </Badge>
                      </dd>
                      <dt className="text-muted-foreground">{t("columns.joined")}</dt>
                      <dd>{date(member.createdAt)}</dd>
                      <dt className="text-muted-foreground">{t("columns.lastLogin")}</dt>
                      <dd>{member.lastLoginAt ? dateTime(member.lastLoginAt) : t("never")}</dd>
                    </dl>
                  </Card>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="pending-title">
            <h2 id="pending-title" className="text-xl font-semibold">
              {t("pendingTitle")}
            </h2>
            {invitations.length === 0 ? (
              <p className="mt-4 text-muted-foreground">{t("noPending")}</p>
            ) : (
              <ClientMessages namespaces={["members"]}>
                <ul className="mt-4 flex flex-col gap-3">
                  {invitations.map((invitation) => (
                    <li key={invitation.id}>
                      <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                        <div className="min-w-0">
                          <p className="[overflow-wrap:anywhere] font-medium">{invitation.email}</p>
                          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                            <dt className="text-muted-foreground">
                              {t("pendingColumns.invitedBy")}
                            </dt>
                            <dd>{invitation.invitedBy?.name ?? t("unknownInviter")}</dd>
                            <dt className="text-muted-foreground">{t("pendingColumns.sent")}</dt>
                            <dd>{date(invitation.createdAt)}</dd>
                            <dt className="text-muted-foreground">{t("pendingColumns.expires")}</dt>
                            <dd>{dateTime(invitation.expiresAt)}</dd>
                          </dl>
                        </div>
                        <RevokeInvitationButton
                          invitationId={invitation.id}
                          email={invitation.email}
                          action={revokeColleagueInvitation}
                        />
                      </Card>
                    </li>
                  ))}
                </ul>
              </ClientMessages>
            )}
          </section>
        </div>

        <section aria-labelledby="invite-title" className="self-start">
          <Card className="p-5">
            <h2 id="invite-title" className="text-xl font-semibold">
              {t("inviteTitle")}
            </h2>
            <p className="mt-2 text-sm text-muted-foreground">
              {t("inviteLead", { organisation: name })}
            </p>
            <div className="mt-4">
              <ClientMessages namespaces={["members"]}>
                <InviteColleagueForm />
              </ClientMessages>
            </div>
          </Card>
        </section>
      </div>
    </div>
  );
}

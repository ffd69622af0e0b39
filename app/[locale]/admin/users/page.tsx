import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { InviteStaffForm } from "@/components/admin/invite-staff-form";
import { RevokeInvitationButton } from "@/components/admin/revoke-invitation-button";
import { UserRowActions } from "@/components/admin/user-row-actions";
import { ClientMessages } from "@/components/forms/client-messages";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/input";
import { requirePageCaller } from "@/lib/auth/page-gate";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { revokeStaffInvitation } from "@/lib/invitations/actions";
import { listPendingInvitations } from "@/lib/invitations/queries";
import { listUsers } from "@/lib/users/queries";
import { parseUserFilter, ROLES, USER_STATUSES, type UserFilter } from "@/lib/users/schema";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "adminUsers" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The columns of the user list on wide screens. */
const GRID =
  "lg:grid-cols-[minmax(13rem,2fr)_minmax(6rem,1fr)_minmax(5rem,0.8fr)_minmax(7rem,1.2fr)_minmax(7rem,1fr)_minmax(6rem,0.9fr)_minmax(12rem,1.6fr)] lg:gap-4";

/** The list's address with the same filters on another page. */
function pageHref(filter: UserFilter, page: number) {
  const query = new URLSearchParams();
  if (filter.role) query.set("role", filter.role);
  if (filter.status) query.set("status", filter.status);
  if (filter.q) query.set("q", filter.q);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return `/admin/users${search ? `?${search}` : ""}`;
}

export default async function AdminUsersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const caller = await requirePageCaller(locale, "/admin/users", { roles: ["ADMIN"] });
  const filter = parseUserFilter(await searchParams);
  const [{ users, total, page, pages }, invitations] = await Promise.all([
    listUsers(filter),
    listPendingInvitations(null),
  ]);
  const t = await getTranslations({ locale, namespace: "adminUsers" });
  const tRoles = await getTranslations({ locale, namespace: "roles" });
  const tStatus = await getTranslations({ locale, namespace: "userStatus" });
  const format = await getFormatter({ locale });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const filtered = Boolean(filter.role || filter.status || filter.q);

  const rows = users.map((user) => {
    const self = user.id === caller.userId;
    return {
      ...user,
      self,
      roleBadge: (
        <Badge variant={user.role === "PARTNER" ? "secondary" : "default"}>
          {tRoles(user.role)}
        </Badge>
      ),
      statusBadge: (
        <Badge variant={user.status === "ACTIVE" ? "success" : "muted"}>
          {tStatus(user.status)}
        </Badge>
      ),
      actions: self ? (
        <span aria-hidden="true" className="hidden text-sm text-muted-foreground lg:inline">
          —
        </span>
      ) : (
        <UserRowActions userId={user.id} name={user.name} role={user.role} status={user.status} />
      ),
    };
  });

  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-3 max-w-3xl text-muted-foreground">{t("lead")}</p>

      <section aria-labelledby="filter-title" className="mt-8">
        <h2 id="filter-title" className="sr-only">
          {t("filterTitle")}
        </h2>
        <form
          method="get"
          className="grid gap-4 rounded-xl border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_2fr_auto]"
        >
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="filter-role">{t("role")}</Label>
            <Select id="filter-role" name="role" defaultValue={filter.role ?? ""}>
              <option value="">{t("any")}</option>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {tRoles(role)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="filter-status">{t("status")}</Label>
            <Select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("any")}</option>
              {USER_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {tStatus(status)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1.5 sm:col-span-2 lg:col-span-1">
            <Label htmlFor="filter-q">{t("search")}</Label>
            <Input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={filter.q ?? ""}
              maxLength={100}
            />
          </div>
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
            <Button type="submit">{t("apply")}</Button>
            {filtered && (
              <Button asChild variant="ghost">
                <Link href="/admin/users">{t("clear")}</Link>
              </Button>
            )}
          </div>
        </form>
      </section>

      <section aria-labelledby="users-title" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="users-title" className="text-xl font-semibold">
            {t("total", { count: total })}
          </h2>
          {pages > 1 && (
            <p className="text-sm text-muted-foreground">{t("pageOf", { page, pages })}</p>
          )}
        </div>

        {rows.length === 0 ? (
          <p className="mt-4 text-muted-foreground">{t("empty")}</p>
        ) : (
          <ClientMessages namespaces={["adminUsers", "roles"]}>
            {/* One list for every width: cards on phones, a table-like grid on wide screens. */}
            <div
              aria-hidden="true"
              className={`mt-4 hidden rounded-t-xl border border-border bg-muted/50 px-4 py-3 text-sm font-medium text-muted-foreground lg:grid ${GRID}`}
            >
              <span>{t("columns.name")}</span>
              <span>{t("columns.role")}</span>
              <span>{t("columns.status")}</span>
              <span>{t("columns.organisation")}</span>
              <span>{t("columns.lastLogin")}</span>
              <span>{t("columns.created")}</span>
              <span>{t("columns.actions")}</span>
            </div>
            <ul
              aria-label={t("caption", { page, pages })}
              className="mt-4 flex flex-col gap-3 lg:mt-0 lg:gap-0 lg:rounded-b-xl lg:border lg:border-t-0 lg:border-border lg:bg-card"
            >
              {rows.map((user) => (
                <li
                  key={user.id}
                  className={`flex flex-col gap-3 rounded-xl border border-border bg-card p-4 shadow-sm lg:grid lg:items-start lg:rounded-none lg:border-0 lg:border-b lg:shadow-none lg:last:border-b-0 ${GRID}`}
                >
                  <div className="min-w-0">
                    <p className="font-medium">
                      {user.name}
                      {user.self && (
                        <span className="ml-1 font-normal text-muted-foreground">({t("you")})</span>
                      )}
                    </p>
                    <p className="text-sm text-muted-foreground [overflow-wrap:anywhere]">
                      {user.email}
                    </p>
                  </div>
                  <dl className="flex flex-col gap-1.5 text-sm lg:contents">
                    {(
                      [
                        ["role", user.roleBadge],
                        ["status", user.statusBadge],
                        ["organisation", user.organisation?.name ?? t("none")],
                        ["lastLogin", user.lastLoginAt ? dateTime(user.lastLoginAt) : t("never")],
                        ["created", date(user.createdAt)],
                      ] as const
                    ).map(([column, value]) => (
                      <div key={column} className="flex gap-3 lg:block lg:min-w-0">
                        <dt className="w-28 shrink-0 text-muted-foreground lg:sr-only">
                          {t(`columns.${column}`)}
                        </dt>
                        <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  <div className={user.self ? "hidden lg:block" : undefined}>{user.actions}</div>
                </li>
              ))}
            </ul>
          </ClientMessages>
        )}

        {pages > 1 && (
          <nav
            aria-label={t("pagination")}
            className="mt-4 flex items-center justify-between gap-2"
          >
            {page > 1 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={pageHref(filter, page - 1)}>{t("previous")}</Link>
              </Button>
            ) : (
              <span />
            )}
            <span className="text-sm text-muted-foreground">{t("pageOf", { page, pages })}</span>
            {page < pages ? (
              <Button asChild variant="outline" size="sm">
                <Link href={pageHref(filter, page + 1)}>{t("next")}</Link>
              </Button>
            ) : (
              <span />
            )}
          </nav>
        )}
      </section>

      <div className="mt-10 grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="invite-title">
          <Card className="p-5">
            <h2 id="invite-title" className="text-xl font-semibold">
              {t("inviteTitle")}
            </h2>
            <p className="mt-2 text-sm text-muted-foreground">{t("inviteLead")}</p>
            <div className="mt-4">
              <ClientMessages namespaces={["adminUsers", "roles"]}>
                <InviteStaffForm />
              </ClientMessages>
            </div>
          </Card>
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
                          <dt className="text-muted-foreground">{t("pendingColumns.role")}</dt>
                          <dd>{tRoles(invitation.role)}</dd>
                          <dt className="text-muted-foreground">{t("pendingColumns.invitedBy")}</dt>
                          <dd>{invitation.invitedBy?.name ?? t("none")}</dd>
                          <dt className="text-muted-foreground">{t("pendingColumns.expires")}</dt>
                          <dd>{dateTime(invitation.expiresAt)}</dd>
                        </dl>
                      </div>
                      <RevokeInvitationButton
                        invitationId={invitation.id}
                        email={invitation.email}
                        action={revokeStaffInvitation}
                      />
                    </Card>
                  </li>
                ))}
              </ul>
            </ClientMessages>
          )}
        </section>
      </div>
    </div>
  );
}

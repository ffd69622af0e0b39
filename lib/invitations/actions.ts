"use server";

import { hashToken } from "@/lib/auth/tokens";
import { queueEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { enforce, RATE_LIMITS, type RateLimitRule } from "@/lib/rate-limit";
import { createAction } from "@/lib/server/action";
import { acceptInvitation, createInvitation, revokeInvitation } from "./mutations";
import { organisationName } from "./queries";
import {
  acceptInvitationSchema,
  inviteColleagueSchema,
  inviteStaffSchema,
  revokeInvitationSchema,
} from "./schema";

/** Attempts to accept one invitation link: a few typos, not a password-guessing run. */
const ACCEPT_PER_TOKEN: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };

function invitationUrl(locale: Locale, token: string) {
  const base = env().NEXTAUTH_URL.replace(/\/+$/, "");
  return `${base}/${locale}/invitation?token=${encodeURIComponent(token)}`;
}

const inviteLimit = (userId: string) => ({
  key: `invite:user:${userId}`,
  rule: RATE_LIMITS.invitationPerUser,
});

/**
 * A partner invites a colleague into their own organisation, taken from the
 * session (never from the form). The email is in the inviter's language.
 */
export const inviteColleague = createAction(
  {
    schema: inviteColleagueSchema,
    access: { roles: ["PARTNER"], organisation: true },
    name: "inviteColleague",
  },
  async ({ email }, { caller }) => {
    const me = caller!;
    const organisationId = me.organisationId!;
    await enforce([inviteLimit(me.userId)]);
    const name = await organisationName(organisationId);
    if (name === null) throw new AppError("NOT_FOUND", "organisation");
    const { token } = await createInvitation({
      email,
      role: "PARTNER",
      organisationId,
      invitedById: me.userId,
    });
    const locale: Locale = isLocale(me.locale) ? me.locale : "en";
    await queueEmail({
      to: email,
      locale,
      template: "invitation-colleague",
      data: { inviterName: me.name, organisationName: name, url: invitationUrl(locale, token) },
    });
    return { email };
  },
);

/** A partner withdraws a pending invitation of their own organisation. */
export const revokeColleagueInvitation = createAction(
  {
    schema: revokeInvitationSchema,
    access: { roles: ["PARTNER"], organisation: true },
    name: "revokeColleagueInvitation",
  },
  async ({ invitationId }, { caller }) => {
    await revokeInvitation({
      invitationId,
      organisationId: caller!.organisationId!,
      actorId: caller!.userId,
    });
    return undefined;
  },
);

/** An admin invites an official or another admin; they belong to no organisation. */
export const inviteStaff = createAction(
  { schema: inviteStaffSchema, access: { roles: ["ADMIN"] }, name: "inviteStaff" },
  async ({ email, role, locale }, { caller }) => {
    const me = caller!;
    await enforce([inviteLimit(me.userId)]);
    const { token } = await createInvitation({
      email,
      role,
      organisationId: null,
      invitedById: me.userId,
    });
    await queueEmail({
      to: email,
      locale,
      template: "invitation-staff",
      data: { inviterName: me.name, role, url: invitationUrl(locale, token) },
    });
    return { email };
  },
);

/** An admin withdraws a pending staff invitation (organisations manage their own). */
export const revokeStaffInvitation = createAction(
  { schema: revokeInvitationSchema, access: { roles: ["ADMIN"] }, name: "revokeStaffInvitation" },
  async ({ invitationId }, { caller }) => {
    await revokeInvitation({ invitationId, organisationId: null, actorId: caller!.userId });
    return undefined;
  },
);

/**
 * Public: the invitee has no account yet. Known refusals (expired, revoked,
 * used, an existing account) come back as an outcome the page explains.
 */
export const acceptInvitationAction = createAction(
  { schema: acceptInvitationSchema, access: "public", name: "acceptInvitation" },
  async ({ token, name, password, locale }) => {
    await enforce([{ key: `invite-accept:${hashToken(token)}`, rule: ACCEPT_PER_TOKEN }]);
    const result = await acceptInvitation({ token, name, password, locale });
    return { outcome: result.outcome };
  },
);

"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { originOf, redactAuditOrigins, writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { enforce, RATE_LIMITS } from "@/lib/rate-limit";
import { createAction } from "@/lib/server/action";
import { link, queuePasswordReset, queueRegistration } from "./account-jobs";
import { authCookies } from "./cookies";
import {
  consumeUserToken,
  eraseEmailsAbout,
  issueUserToken,
  revokeOtherSessions,
  setPassword,
} from "./mutations";
import { endSession } from "./options";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import {
  changeEmailSchema,
  changePasswordSchema,
  deleteAccountSchema,
  emptySchema,
  forgotPasswordSchema,
  registerSchema,
  resetPasswordSchema,
  tokenSchema,
} from "./schema";
import { revokeAllSessions } from "./sessions";

async function currentLocale(): Promise<Locale> {
  const locale = await getLocale().catch(() => "en");
  return isLocale(locale) ? locale : "en";
}

function ipKey(prefix: string, headers: Headers) {
  const ip = clientIp(headers);
  return ip ? `${prefix}:ip:${ip}` : null;
}

/**
 * Registration answers the same whether or not the address is known, and
 * does the same work for both: validate, rate-limit, hash the password, queue
 * one job (lib/auth/account-jobs.ts). The job makes the account and sends the
 * verification link, or sends a known address a note that it already has an
 * account. Only the mailbox's owner learns which.
 */
export const register = createAction(
  { schema: registerSchema, access: "public", name: "register" },
  async (input, { caller, headers }) => {
    if (caller) throw new AppError("FORBIDDEN", "already signed in");
    await enforce([
      { key: ipKey("register", headers), rule: RATE_LIMITS.registerPerIp },
      { key: `register:email:${input.email}`, rule: RATE_LIMITS.passwordResetPerAccount },
    ]);
    const problem = passwordProblem(input.password, input.email);
    if (problem) throw new AppError("BAD_REQUEST", problem, { fields: { password: problem } });
    await queueRegistration({
      name: input.name,
      email: input.email,
      passwordHash: await hashPassword(input.password),
      locale: await currentLocale(),
      origin: originOf(headers),
    });
    return { email: input.email };
  },
);

export const verifyEmail = createAction(
  { schema: tokenSchema, access: "public", name: "verifyEmail" },
  async ({ token }) => {
    const { userId } = await consumeUserToken(token, "VERIFY_EMAIL");
    await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    await writeAudit(db, {
      actorId: userId,
      action: "user.email_verified",
      entityType: "User",
      entityId: userId,
    });
    return undefined;
  },
);

/**
 * The same answer and the same work for known and unknown addresses:
 * validate, rate-limit, queue one job (lib/auth/account-jobs.ts), which sends
 * an active account its link and leaves the others with an audit entry.
 */
export const requestPasswordReset = createAction(
  { schema: forgotPasswordSchema, access: "public", name: "requestPasswordReset" },
  async ({ email }, { headers }) => {
    await enforce([
      { key: ipKey("reset", headers), rule: RATE_LIMITS.passwordResetPerIp },
      { key: `reset:email:${email}`, rule: RATE_LIMITS.passwordResetPerAccount },
    ]);
    await queuePasswordReset({ email, locale: await currentLocale(), origin: originOf(headers) });
    return undefined;
  },
);

export const resetPassword = createAction(
  { schema: resetPasswordSchema, access: "public", name: "resetPassword" },
  async ({ token, password }) => {
    const { userId, user } = await consumeUserToken(token, "RESET_PASSWORD");
    const problem = passwordProblem(password, user.email);
    if (problem) throw new AppError("BAD_REQUEST", problem, { fields: { password: problem } });
    await setPassword(userId, password);
    // The link proves the mailbox; every existing session ends.
    await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
    await revokeAllSessions(userId);
    await writeAudit(db, {
      actorId: userId,
      action: "user.password_reset",
      entityType: "User",
      entityId: userId,
    });
    return undefined;
  },
);

/** Re-authentication for a sensitive change; a wrong password is recorded (auth.reauth_failed). */
async function checkCurrentPassword(userId: string, password: string, purpose: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    await writeAudit(db, {
      actorId: userId,
      action: "auth.reauth_failed",
      entityType: "User",
      entityId: userId,
      data: { purpose },
    });
    throw new AppError("BAD_REQUEST", "wrong password", {
      fields: { currentPassword: "wrongPassword" },
    });
  }
}

export const changePassword = createAction(
  { schema: changePasswordSchema, access: {}, name: "changePassword" },
  async ({ currentPassword, password }, { caller }) => {
    const me = caller!;
    await enforce([{ key: `reauth:user:${me.userId}`, rule: RATE_LIMITS.loginPerAccount }]);
    await checkCurrentPassword(me.userId, currentPassword, "changePassword");
    const problem = passwordProblem(password, me.email);
    if (problem) throw new AppError("BAD_REQUEST", problem, { fields: { password: problem } });
    await setPassword(me.userId, password);
    await revokeOtherSessions(me.userId, me.sessionId);
    await writeAudit(db, {
      actorId: me.userId,
      action: "user.password_changed",
      entityType: "User",
      entityId: me.userId,
    });
    return undefined;
  },
);

export const requestEmailChange = createAction(
  { schema: changeEmailSchema, access: {}, name: "requestEmailChange" },
  async ({ currentPassword, email }, { caller }) => {
    const me = caller!;
    await enforce([{ key: `reauth:user:${me.userId}`, rule: RATE_LIMITS.loginPerAccount }]);
    await checkCurrentPassword(me.userId, currentPassword, "changeEmail");
    if (email === me.email)
      throw new AppError("BAD_REQUEST", "same email", { fields: { email: "sameEmail" } });
    const locale = await currentLocale();
    const token = await issueUserToken(me.userId, "CHANGE_EMAIL", email);
    await writeAudit(db, {
      actorId: me.userId,
      action: "user.email_change_requested",
      entityType: "User",
      entityId: me.userId,
    });
    // Sent to the new address: whether it is taken shows only when the link is used.
    await queueEmail({
      to: email,
      locale,
      template: "change-email",
      data: { name: me.name, newEmail: email, url: link(locale, `/confirm-email?token=${token}`) },
    });
    return { email };
  },
);

export const confirmEmailChange = createAction(
  { schema: tokenSchema, access: "public", name: "confirmEmailChange" },
  async ({ token }) => {
    const { userId, newEmail, user } = await consumeUserToken(token, "CHANGE_EMAIL");
    if (!newEmail) throw new AppError("NOT_FOUND");
    const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "email taken", { fields: { _form: "emailTaken" } });
    await db.user.update({
      where: { id: userId },
      data: { email: newEmail, emailVerifiedAt: new Date() },
    });
    await revokeAllSessions(userId);
    await writeAudit(db, {
      actorId: userId,
      action: "user.email_changed",
      entityType: "User",
      entityId: userId,
    });
    await queueEmail({
      to: user.email,
      locale: isLocale(user.locale) ? user.locale : "en",
      template: "email-changed",
      data: { name: user.name, newEmail },
    });
    return undefined;
  },
);

/**
 * Signing out, from the header's account menu (components/site/sign-out-button.tsx).
 * Like next-auth's sign-out (lib/auth/options.ts endSession), it revokes the
 * caller's Session row, so that a copy of the cookie no longer counts, and
 * records it; then it clears the cookie and goes to the sign-in page. Only a
 * live session can call it: without one the call is refused (UNAUTHENTICATED)
 * like every other signed-in action.
 */
export const signOut = createAction(
  { schema: emptySchema, access: {}, name: "signOut" },
  async (_input, { caller, headers }) => {
    await endSession({ sid: caller!.sessionId, sub: caller!.userId }, async () =>
      originOf(headers),
    );
    const cookieStore = await cookies();
    const { name, options } = authCookies(env().NEXTAUTH_URL).sessionToken;
    // next-auth splits a large token into name.0, name.1…: clear those too.
    for (const cookie of cookieStore.getAll()) {
      if (cookie.name === name || cookie.name.startsWith(`${name}.`))
        cookieStore.set(cookie.name, "", { ...options, maxAge: 0 });
    }
    redirect(`/${await currentLocale()}/login?notice=signedOut`);
  },
);

export const logOutEverywhere = createAction(
  { schema: emptySchema, access: {}, name: "logOutEverywhere" },
  async (_input, { caller }) => {
    await revokeAllSessions(caller!.userId);
    await writeAudit(db, {
      actorId: caller!.userId,
      action: "user.logout_everywhere",
      entityType: "User",
      entityId: caller!.userId,
    });
    return undefined;
  },
);

/**
 * GDPR erasure. The organisation goes too when this was its last member,
 * only if the user confirmed it; its expressions of interest go with it. The
 * email outbox forgets the messages to the user and those naming them (or the
 * erased organisation); the audit log keeps the entries, by id only, without
 * the user's IP addresses and browsers.
 */
export const deleteAccount = createAction(
  { schema: deleteAccountSchema, access: {}, name: "deleteAccount" },
  async ({ currentPassword, deleteOrganisation }, { caller }) => {
    const me = caller!;
    await enforce([{ key: `reauth:user:${me.userId}`, rule: RATE_LIMITS.loginPerAccount }]);
    await checkCurrentPassword(me.userId, currentPassword, "deleteAccount");
    if (me.role === "ADMIN") {
      const admins = await db.user.count({ where: { role: "ADMIN", status: "ACTIVE" } });
      if (admins <= 1)
        throw new AppError("CONFLICT", "last admin", { fields: { _form: "lastAdmin" } });
    }
    await db.$transaction(async (tx) => {
      let organisationDeleted = false;
      let organisationName: string | undefined;
      if (me.organisationId) {
        const others = await tx.user.count({
          where: { organisationId: me.organisationId, id: { not: me.userId } },
        });
        if (others === 0) {
          if (!deleteOrganisation) {
            throw new AppError("CONFLICT", "last member", {
              fields: { deleteOrganisation: "confirmOrganisationDeletion" },
            });
          }
          organisationName = (
            await tx.organisation.findUnique({
              where: { id: me.organisationId },
              select: { name: true },
            })
          )?.name;
          await tx.organisation.delete({ where: { id: me.organisationId } });
          organisationDeleted = true;
        }
      }
      // A new address the user asked for but never confirmed is theirs too.
      const pending = await tx.userToken.findMany({
        where: { userId: me.userId, purpose: "CHANGE_EMAIL", newEmail: { not: null } },
        select: { newEmail: true },
      });
      await tx.user.delete({ where: { id: me.userId } });
      await eraseEmailsAbout(tx, {
        addresses: [me.email, ...pending.map((t) => t.newEmail!)],
        mentions: [me.name, ...(organisationName ? [organisationName] : [])],
      });
      // No personal data in the log: only that an account (and maybe an organisation) was erased.
      await writeAudit(tx, {
        actorId: me.userId,
        action: "user.deleted",
        entityType: "User",
        entityId: me.userId,
        data: { organisationDeleted },
      });
      // The erased user's IP addresses and browsers go too, this entry's included.
      await redactAuditOrigins(tx, me.userId);
    });
    return undefined;
  },
);

import "server-only";
// Password reset and registration in two halves, so that the request cannot
// tell by its work whether an address has an account (issue #6): the server
// action only validates, rate-limits, (for registration) hashes the password
// and queues a job with the same payload either way; the job, run by the
// worker (lib/jobs/worker.ts) after the answer has gone, looks the address
// up and does what the account calls for. Only the mailbox's owner learns
// the difference, by email.
//
// The job carries the request's audit origin (IP, browser, request id), so
// the entries it writes read as they did when the request wrote them.
import { writeThrottledAudit } from "@/lib/audit/events";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { enqueueDelivery, queueEmail, storeEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { sendJob } from "@/lib/jobs/boss";
import type { JobData } from "@/lib/jobs/queues";
import { issueUserToken, TOKEN_LIFETIME_MS } from "./mutations";
import { newToken } from "./tokens";

/** An absolute link into the app, in the given language. */
export const link = (locale: Locale, path: string) => `${env().NEXTAUTH_URL}/${locale}${path}`;

export type PasswordResetJob = JobData["auth.password-reset"];
export type RegistrationJob = JobData["auth.register"];

/** What a job did, for pg-boss's output column: no address, no name. */
type Outcome = { account: "active" | "inactive" | "unknown" | "created" | "exists" };

/** The request's half of a password reset: one job, whatever the address. */
export async function queuePasswordReset(data: PasswordResetJob): Promise<void> {
  await sendJob("auth.password-reset", data);
}

/** The request's half of a registration: one job, whatever the address. */
export async function queueRegistration(data: RegistrationJob): Promise<void> {
  await sendJob("auth.register", data);
}

/**
 * The job's half of a password reset: an active account gets a new reset
 * link by email (auth.password_reset_requested); an unknown or inactive one
 * nothing but the throttled audit entry, without the address.
 */
export async function handlePasswordReset({
  email,
  locale,
  origin,
}: PasswordResetJob): Promise<Outcome> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, status: true },
  });
  if (user && user.status === "ACTIVE") {
    await writeAudit(
      db,
      {
        actorId: user.id,
        action: "auth.password_reset_requested",
        entityType: "User",
        entityId: user.id,
      },
      origin,
    );
    const token = await issueUserToken(user.id, "RESET_PASSWORD");
    await queueEmail({
      to: email,
      locale,
      template: "reset-password",
      data: { name: user.name, url: link(locale, `/reset-password?token=${token}`) },
    });
    return { account: "active" };
  }
  // No address in the log: only that someone asked for an unknown or inactive account.
  await writeThrottledAudit(
    `reset-unknown:${origin.ip ?? "-"}`,
    {
      actorId: user?.id ?? null,
      action: "auth.password_reset_requested",
      entityType: "User",
      entityId: user?.id ?? null,
      data: { account: user ? "inactive" : "unknown" },
    },
    origin,
  );
  return { account: user ? "inactive" : "unknown" };
}

/** A unique violation (P2002): the address was taken meanwhile. */
function isUniqueViolation(error: unknown): boolean {
  return Boolean(
    error && typeof error === "object" && (error as { code?: unknown }).code === "P2002",
  );
}

async function sendAccountExists(email: string, locale: Locale) {
  await queueEmail({
    to: email,
    locale,
    template: "account-exists",
    data: { loginUrl: link(locale, "/login"), resetUrl: link(locale, "/forgot-password") },
  });
}

/**
 * The job's half of a registration: a new address becomes a partner account
 * (with its audit entry, a verification token and the verification email, in
 * one transaction: a retry finds it complete or absent); a known address gets
 * a note that it already has an account.
 */
export async function handleRegistration(data: RegistrationJob): Promise<Outcome> {
  const { name, email, passwordHash, locale, origin } = data;
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    await sendAccountExists(email, locale);
    return { account: "exists" };
  }
  let messageId: string;
  try {
    messageId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name, email, passwordHash, role: "PARTNER", locale },
        select: { id: true },
      });
      await writeAudit(
        tx,
        { actorId: user.id, action: "user.register", entityType: "User", entityId: user.id },
        origin,
      );
      const { token, hash } = newToken();
      await tx.userToken.create({
        data: {
          userId: user.id,
          purpose: "VERIFY_EMAIL",
          tokenHash: hash,
          expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS.VERIFY_EMAIL),
        },
      });
      return storeEmail(tx, {
        to: email,
        locale,
        template: "verify-email",
        data: { name, url: link(locale, `/verify?token=${token}`) },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Two registrations of one address at once: the second is told it exists.
    await sendAccountExists(email, locale);
    return { account: "exists" };
  }
  await enqueueDelivery(messageId);
  return { account: "created" };
}

/**
 * Runs one of these jobs at once, by queue name: for tests that mock
 * lib/jobs/boss's sendJob and want the job done before they look.
 */
export async function runAccountJob(name: string, data: unknown): Promise<Outcome | null> {
  if (name === "auth.password-reset") return handlePasswordReset(data as PasswordResetJob);
  if (name === "auth.register") return handleRegistration(data as RegistrationJob);
  return null;
}

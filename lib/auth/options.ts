import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { writeThrottledAudit } from "@/lib/audit/events";
import { type AuditOrigin, requestOrigin, writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { authCookies, usesSecureCookies } from "./cookies";
import { hashPassword, verifyPassword } from "./password";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

const credentials = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
  csrfToken: z.string().optional(),
  callbackUrl: z.string().optional(),
  json: z.string().optional(),
  redirect: z.string().optional(),
});

// Compared against when the email is unknown, so both cases take as long.
let dummyHash: Promise<string> | undefined;

export class EmailNotVerifiedError extends Error {
  constructor() {
    super("EMAIL_NOT_VERIFIED");
  }
}

export type CredentialCheck =
  | { ok: true; user: NonNullable<Awaited<ReturnType<typeof findAccount>>> }
  | {
      ok: false;
      /** The account, when the address is known (for the audit log). */
      userId: string | null;
      reason:
        | "unknown_account"
        | "wrong_password"
        | "no_password"
        | "disabled"
        | "email_not_verified";
    };

function findAccount(email: string) {
  return db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      status: true,
      passwordHash: true,
      emailVerifiedAt: true,
      organisationId: true,
      sessionVersion: true,
    },
  });
}

/** Checks an address and password, and says why they do not sign in. */
export async function verifyCredentials(email: string, password: string): Promise<CredentialCheck> {
  const user = await findAccount(email);
  dummyHash ??= hashPassword("a password nobody has, for equal timing");
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user) return { ok: false, userId: null, reason: "unknown_account" };
  if (!user.passwordHash) return { ok: false, userId: user.id, reason: "no_password" };
  if (!valid) return { ok: false, userId: user.id, reason: "wrong_password" };
  if (user.status !== "ACTIVE") return { ok: false, userId: user.id, reason: "disabled" };
  if (!user.emailVerifiedAt) return { ok: false, userId: user.id, reason: "email_not_verified" };
  return { ok: true, user };
}

export async function checkCredentials(email: string, password: string) {
  const check = await verifyCredentials(email, password);
  if (check.ok) return check.user;
  if (check.reason === "email_not_verified") throw new EmailNotVerifiedError();
  return null;
}

/**
 * A failed sign-in, in the audit log: the account when the address is known,
 * never the address itself (an unknown one may be someone's mistyped email).
 * Throttled per account (or "unknown") and client IP.
 */
export async function auditFailedSignIn(
  userId: string | null,
  reason: string,
  origin: AuditOrigin,
  limit?: { limit: number; windowSeconds: number },
) {
  await writeThrottledAudit(
    `sign-in-failed:${reason === "rate_limited" ? "blocked:" : ""}${userId ?? "unknown"}:${origin.ip ?? "-"}`,
    {
      actorId: userId,
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: userId,
      data: { reason },
    },
    origin,
    limit,
  );
}

/**
 * Signing out: revokes the Session row a session token names, so the token
 * (and any copy of its cookie) no longer counts, and records it. Used by
 * next-auth's sign-out and by the account menu's (lib/auth/actions.ts signOut).
 */
export async function endSession(
  token: { sid?: string; sub?: string } | null | undefined,
  origin: () => Promise<AuditOrigin>,
) {
  if (!token?.sid) return;
  // Only a session that was still live: signing out twice, or after
  // erasure (the session went with the account), records nothing.
  const revoked = await revokeSession(token.sid);
  if (revoked && token.sub) {
    await writeAudit(
      db,
      {
        actorId: token.sub,
        action: "auth.sign_out",
        entityType: "User",
        entityId: token.sub,
      },
      await origin(),
    );
  }
}

declare module "next-auth" {
  interface User {
    role?: string;
    sessionVersion?: number;
  }
  interface Session {
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    sv?: number;
  }
}

/**
 * next-auth's configuration. `origin` is the request's (lib/audit/write.ts
 * originOf), for the audit entries of signing in and out; without it the
 * current request's is read.
 */
export function authOptions(origin?: AuditOrigin): AuthOptions {
  const from = async () => origin ?? (await requestOrigin());
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Explicit, from NEXTAUTH_URL's protocol: see lib/auth/cookies.ts.
    useSecureCookies: usesSecureCookies(env().NEXTAUTH_URL),
    cookies: authCookies(env().NEXTAUTH_URL),
    pages: { signIn: "/en/login", error: "/en/login" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw) {
          const parsed = credentials.safeParse(raw ?? {});
          if (!parsed.success) return null;
          const check = await verifyCredentials(parsed.data.email, parsed.data.password);
          if (!check.ok) {
            await auditFailedSignIn(check.userId, check.reason, await from());
            if (check.reason === "email_not_verified") throw new EmailNotVerifiedError();
            return null;
          }
          const { user } = check;
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          // A new sign-in: one Session row per browser, named in the token.
          token.sid = await createSession(user.id, null);
          token.sv = user.sessionVersion ?? 0;
          await writeAudit(
            db,
            { actorId: user.id, action: "auth.sign_in", entityType: "User", entityId: user.id },
            await from(),
          );
        }
        return token;
      },
      async session({ session, token }) {
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        await endSession(token, from);
      },
    },
  };
}

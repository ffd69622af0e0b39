import "server-only";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { cache } from "react";
import { type DeniedAt, reportAccessDenied } from "@/lib/audit/events";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { sessionCookie } from "./cookies";
import { loadSession } from "./sessions";

export type Caller = {
  userId: string;
  sessionId: string;
  role: Role;
  organisationId: string | null;
  email: string;
  name: string;
  locale: string;
};

export type GateRule = {
  /** Roles allowed; any signed-in role when omitted. */
  roles?: readonly Role[];
  /** The caller must belong to an organisation (partners acting for it). */
  organisation?: boolean;
};

/**
 * Who is calling, checked against the database on every request: the
 * session must exist and not be revoked, the account must be active and its
 * session version current. So signing out, "log out everywhere", disabling
 * an account and changing a role all count from the very next request.
 */
export const getCaller = cache(async (): Promise<Caller | null> => {
  const cookieStore = await cookies();
  const headerStore = await headers();
  const token = await getToken({
    req: {
      cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
      headers: Object.fromEntries(headerStore.entries()),
    } as never,
    secret: env().NEXTAUTH_SECRET,
    // The same name next-auth sets (lib/auth/cookies.ts): __Secure- on HTTPS.
    cookieName: sessionCookie(env().NEXTAUTH_URL).name,
    secureCookie: sessionCookie(env().NEXTAUTH_URL).secure,
  });
  if (!token?.sid || typeof token.sv !== "number") return null;
  const session = await loadSession(token.sid, token.sv);
  if (!session) return null;
  const { user } = session;
  return {
    userId: user.id,
    sessionId: session.id,
    role: user.role,
    organisationId: user.organisationId,
    email: user.email,
    name: user.name,
    locale: user.locale,
  };
});

/** Why a signed-in caller does not pass a rule; null when they do. */
export function refusalOf(caller: Caller, rule: GateRule): string | null {
  if (rule.roles && !rule.roles.includes(caller.role)) return "role";
  if (rule.organisation && !caller.organisationId) return "no_organisation";
  return null;
}

/**
 * Checks a caller against a rule; throws AppError UNAUTHENTICATED or
 * FORBIDDEN. A signed-in caller refused is recorded in the audit log
 * (authz.denied, written after the response); `where` names the page, action
 * or route for the entry.
 */
export function authorize(caller: Caller | null, rule: GateRule = {}, where?: DeniedAt): Caller {
  if (!caller) throw new AppError("UNAUTHENTICATED");
  const refusal = refusalOf(caller, rule);
  if (refusal) {
    reportAccessDenied(caller, rule, refusal, where);
    throw new AppError("FORBIDDEN", refusal === "role" ? `role ${caller.role}` : "no organisation");
  }
  return caller;
}

export async function requireCaller(rule: GateRule = {}, where?: DeniedAt): Promise<Caller> {
  return authorize(await getCaller(), rule, where);
}

import "server-only";
import { db } from "@/lib/db";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function createSession(userId: string, userAgent: string | null) {
  const session = await db.session.create({
    data: {
      userId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
    select: { id: true },
  });
  await db.user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
  return session.id;
}

/** Revokes one session; true when it was still live. */
export async function revokeSession(sessionId: string): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}

/** Ends every session of a user: "log out everywhere", a disabled account, a new password. */
export async function revokeAllSessions(userId: string) {
  await db.$transaction([
    db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } }),
    db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } }),
  ]);
}

/** The live state behind a session token; null when the session no longer counts. */
export async function loadSession(sessionId: string, sessionVersion: number) {
  const session = await db.session.findFirst({
    where: {
      id: sessionId,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      user: { status: "ACTIVE", sessionVersion },
    },
    select: {
      id: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          organisationId: true,
          locale: true,
        },
      },
    },
  });
  return session;
}

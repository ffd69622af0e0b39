import "server-only";
import { db } from "@/lib/db";
import type { Caller } from "./gate";

/** What the account page shows: the caller's organisation and whether they are its last member. */
export async function getAccountOverview(caller: Caller) {
  if (!caller.organisationId) return { organisation: null, lastMember: false };
  const organisation = await db.organisation.findUnique({
    where: { id: caller.organisationId },
    select: { name: true, _count: { select: { members: true } } },
  });
  return { organisation, lastMember: organisation?._count.members === 1 };
}

/** Everything held about the caller and their organisation (GDPR art. 15 and 20), scoped to them. */
export async function exportPersonalData(caller: Caller) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: caller.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      status: true,
      locale: true,
      emailVerifiedAt: true,
      lastLoginAt: true,
      createdAt: true,
      updatedAt: true,
      sessions: {
        select: { id: true, createdAt: true, expiresAt: true, revokedAt: true, userAgent: true },
      },
    },
  });
  const organisation = caller.organisationId
    ? await db.organisation.findUnique({
        where: { id: caller.organisationId },
        include: {
          themes: { select: { theme: { select: { slug: true, nameEn: true } } } },
          members: { select: { name: true, email: true } },
          interests: {
            include: {
              events: { select: { fromStatus: true, toStatus: true, note: true, createdAt: true } },
            },
          },
        },
      })
    : null;
  const auditTrail = await db.auditLog.findMany({
    where: { actorId: caller.userId },
    // Their own IP addresses and browsers are their personal data too (art. 15).
    select: { action: true, entityType: true, createdAt: true, ip: true, userAgent: true },
    orderBy: { createdAt: "asc" },
  });
  return { exportedAt: new Date().toISOString(), user, organisation, auditTrail };
}

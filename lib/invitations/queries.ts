import "server-only";
import { hashToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { type InvitationState, invitationState } from "./state";

/**
 * What an invitation link offers, for the public acceptance page. Anyone
 * holding the link learns who invited whom to what; without it, nothing.
 */
export type InvitationView = {
  email: string;
  role: Role;
  expiresAt: Date;
  organisationName: string | null;
  inviterName: string | null;
};

export type InvitationLookup =
  | { state: Exclude<InvitationState, "valid"> }
  | { state: "valid" | "accountExists"; invitation: InvitationView };

export async function getInvitationByToken(token: string): Promise<InvitationLookup> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organisation: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  const state = invitationState(invitation);
  if (!invitation || state !== "valid")
    return { state: state as Exclude<InvitationState, "valid"> };
  // The link proves the address, so its holder may learn it already has an account.
  const account = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true },
  });
  return {
    state: account ? "accountExists" : "valid",
    invitation: {
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      organisationName: invitation.organisation?.name ?? null,
      inviterName: invitation.invitedBy?.name ?? null,
    },
  };
}

/**
 * Pending (not accepted, not revoked, not expired) invitations of one place:
 * an organisation, or (organisationId null) the staff invitations.
 */
export async function listPendingInvitations(organisationId: string | null) {
  return db.invitation.findMany({
    where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      invitedBy: { select: { name: true } },
    },
  });
}

/** The name of an organisation, for an invitation email. */
export async function organisationName(organisationId: string) {
  const organisation = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { name: true },
  });
  return organisation?.name ?? null;
}

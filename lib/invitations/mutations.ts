import "server-only";
import { writeAudit } from "@/lib/audit/write";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { type InvitationState, invitationState } from "./state";

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const normalise = (email: string) => email.trim().toLowerCase();

/**
 * Creates an invitation and returns the plain token, which goes only into the
 * email: the database keeps its hash. Partners (role PARTNER) are invited into
 * an organisation; officials and admins into none. A pending invitation of the
 * same address to the same place is revoked, so only the newest link works.
 * Whether the address already has an account is deliberately not checked
 * here: the inviter learns nothing about other people's accounts.
 */
export async function createInvitation(input: {
  email: string;
  role: Role;
  organisationId: string | null;
  invitedById: string;
}) {
  const email = normalise(input.email);
  if ((input.role === "PARTNER") !== (input.organisationId !== null)) {
    throw new AppError("BAD_REQUEST", "partners are invited into an organisation, staff into none");
  }
  const { token, hash } = newToken();
  const now = new Date();
  const invitation = await db.$transaction(async (tx) => {
    const replaced = await tx.invitation.updateMany({
      where: {
        email,
        organisationId: input.organisationId,
        acceptedAt: null,
        revokedAt: null,
      },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        email,
        role: input.role,
        organisationId: input.organisationId,
        invitedById: input.invitedById,
        tokenHash: hash,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      },
      select: { id: true, email: true, role: true, organisationId: true, expiresAt: true },
    });
    await writeAudit(tx, {
      actorId: input.invitedById,
      action: "invitation.create",
      entityType: "Invitation",
      entityId: created.id,
      // The invitation holds the address; the log only its id (no personal data).
      data: {
        role: input.role,
        organisationId: input.organisationId,
        replaced: replaced.count,
      },
    });
    return created;
  });
  return { invitation, token };
}

/**
 * Revokes a pending invitation within a scope: an organisation's own
 * invitations, or (organisationId null) the staff invitations. The scope sits
 * in the WHERE clause, so an id from elsewhere matches nothing: NOT_FOUND.
 */
export async function revokeInvitation(input: {
  invitationId: string;
  organisationId: string | null;
  actorId: string;
}) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: {
        id: input.invitationId,
        organisationId: input.organisationId,
        acceptedAt: null,
        revokedAt: null,
      },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "no pending invitation in scope");
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: input.invitationId,
      data: { organisationId: input.organisationId },
    });
  });
}

export type AcceptOutcome =
  | { outcome: "accepted"; userId: string; email: string }
  | { outcome: "accountExists" | Exclude<InvitationState, "valid"> };

class Refused extends Error {
  constructor(readonly outcome: "accountExists" | "used") {
    super(outcome);
  }
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Turns an invitation into an account, in one transaction: the user is created
 * with the invitation's role and organisation and a verified address (the
 * link proves it), and the invitation is marked accepted. The conditional
 * update makes the link single-use even under concurrent submissions.
 * Refuses (without consuming the link) when the address already has an
 * account. A password the policy refuses throws BAD_REQUEST on "password".
 */
export async function acceptInvitation(input: {
  token: string;
  name: string;
  password: string;
  locale: string;
}): Promise<AcceptOutcome> {
  const tokenHash = hashToken(input.token);
  const invitation = await db.invitation.findUnique({
    where: { tokenHash },
    select: { id: true, email: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  });
  const state = invitationState(invitation);
  if (!invitation || state !== "valid")
    return { outcome: state as Exclude<InvitationState, "valid"> };

  const problem = passwordProblem(input.password, invitation.email);
  if (problem)
    throw new AppError("BAD_REQUEST", "password refused", { fields: { password: problem } });
  // argon2 is slow on purpose: hash before the transaction, not inside it.
  const passwordHash = await hashPassword(input.password);

  try {
    return await db.$transaction(async (tx) => {
      const now = new Date();
      const existing = await tx.user.findUnique({
        where: { email: invitation.email },
        select: { id: true },
      });
      if (existing) throw new Refused("accountExists");
      const { count } = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (count !== 1) throw new Refused("used");
      const accepted = await tx.invitation.findUniqueOrThrow({
        where: { id: invitation.id },
        select: { email: true, role: true, organisationId: true, invitedById: true },
      });
      const user = await tx.user.create({
        data: {
          email: accepted.email,
          name: input.name,
          passwordHash,
          role: accepted.role,
          organisationId: accepted.role === "PARTNER" ? accepted.organisationId : null,
          emailVerifiedAt: now,
          locale: input.locale,
        },
        select: { id: true, email: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "invitation.accept",
        entityType: "Invitation",
        entityId: invitation.id,
        data: {
          role: accepted.role,
          organisationId: accepted.organisationId,
          invitedById: accepted.invitedById,
        },
      });
      return { outcome: "accepted" as const, userId: user.id, email: user.email };
    });
  } catch (error) {
    if (error instanceof Refused) {
      // A concurrent acceptance may have been revoked or expired just now: say what it is.
      if (error.outcome === "used") {
        const now = await db.invitation.findUnique({
          where: { id: invitation.id },
          select: { acceptedAt: true, revokedAt: true, expiresAt: true },
        });
        const current = invitationState(now);
        return { outcome: current === "valid" ? "used" : current };
      }
      return { outcome: error.outcome };
    }
    // Someone registered the address between our check and the insert.
    if (isUniqueViolation(error)) return { outcome: "accountExists" };
    throw error;
  }
}

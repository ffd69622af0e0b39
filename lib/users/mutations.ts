import "server-only";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";

/**
 * Why an administrator's change is refused; the key names the message the
 * admin sees (namespace adminUsers.refusals), carried as the form error.
 */
export type Refusal = "selfDisable" | "selfRole" | "partnerToStaff" | "staffToPartner";

const refuse = (refusal: Refusal) =>
  new AppError("FORBIDDEN", refusal, { fields: { _form: refusal } });

/**
 * What revokeAllSessions (lib/auth/sessions) does, inside the caller's
 * transaction: every session ends and the session version moves on, so the
 * user's next request is no longer signed in.
 */
async function endAllSessions(tx: Prisma.TransactionClient, userId: string) {
  await tx.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/**
 * Disables or re-enables an account. Disabling ends all its sessions. The
 * audit row is written in the same transaction. Nobody disables themselves.
 */
export async function setUserStatus(input: {
  actorId: string;
  userId: string;
  status: UserStatus;
}) {
  if (input.actorId === input.userId && input.status === "DISABLED") throw refuse("selfDisable");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { status: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "user");
    if (user.status === input.status) return { changed: false };
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, status: user.status },
      data: { status: input.status },
    });
    if (count !== 1) throw new AppError("CONFLICT", "status changed meanwhile");
    if (input.status === "DISABLED") await endAllSessions(tx, input.userId);
    await writeAudit(tx, {
      actorId: input.actorId,
      action: input.status === "DISABLED" ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: input.userId,
      data: { from: user.status, to: input.status },
    });
    return { changed: true };
  });
}

const STAFF: readonly Role[] = ["OFFICIAL", "ADMIN"];

/**
 * Moves a staff member between official and admin, ending their sessions so
 * that the new role counts from their next sign-in. Partners belong to an
 * organisation and are not made staff (invite the person instead); staff are
 * not made partners. Nobody changes their own role.
 */
export async function changeUserRole(input: { actorId: string; userId: string; role: Role }) {
  if (input.actorId === input.userId) throw refuse("selfRole");
  if (!STAFF.includes(input.role)) throw refuse("staffToPartner");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true } });
    if (!user) throw new AppError("NOT_FOUND", "user");
    if (user.role === "PARTNER") throw refuse("partnerToStaff");
    if (user.role === input.role) return { changed: false };
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, role: user.role },
      data: { role: input.role },
    });
    if (count !== 1) throw new AppError("CONFLICT", "role changed meanwhile");
    await endAllSessions(tx, input.userId);
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "user.role.change",
      entityType: "User",
      entityId: input.userId,
      data: { from: user.role, to: input.role },
    });
    return { changed: true };
  });
}

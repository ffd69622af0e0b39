// The first administrator, made from the command line (scripts/create-admin.ts).
// Takes its own Prisma client: it runs outside the app, with or without it running.
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/write";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { Db } from "@/lib/db/client";
import { email as emailField, newPassword, text } from "@/lib/validation/fields";

export class BootstrapError extends Error {}

export type BootstrapResult = {
  action: "created" | "promoted" | "updated";
  email: string;
  /** The password to print once: generated, or null when given or kept. */
  generatedPassword: string | null;
  /** False when an existing account kept the password it had. */
  passwordSet: boolean;
};

/** 24 URL-safe random characters: about 144 bits. */
export function randomPassword() {
  return randomBytes(18).toString("base64url");
}

/** The normalised address, or a BootstrapError saying what is wrong with it. */
export function adminEmail(raw: string | undefined): string {
  const parsed = emailField.safeParse(raw ?? "");
  if (!parsed.success) {
    throw new BootstrapError(
      `"${raw ?? ""}" is not a valid email address. Usage: npm run create-admin -- admin@example.org [name]`,
    );
  }
  return parsed.data;
}

function checkPassword(password: string, email: string) {
  const parsed = newPassword.safeParse(password);
  if (!parsed.success) {
    throw new BootstrapError(
      "BRIDGEHEAD_ADMIN_PASSWORD must be 12 to 128 characters long (or leave it unset to get a random one).",
    );
  }
  const problem = passwordProblem(password, email);
  if (problem === "passwordCommon") {
    throw new BootstrapError("BRIDGEHEAD_ADMIN_PASSWORD is too common: choose another one.");
  }
  if (problem === "passwordLikeEmail") {
    throw new BootstrapError("BRIDGEHEAD_ADMIN_PASSWORD must not contain the email address.");
  }
}

/**
 * Creates an active, verified ADMIN, or promotes an existing account that
 * belongs to no organisation. A partner (with an organisation) is refused:
 * invite the person as staff with another address instead. An existing
 * account keeps its password unless one is given (or it has none).
 */
export async function ensureAdmin(
  db: Db,
  input: { email: string; name?: string; password?: string },
): Promise<BootstrapResult> {
  const email = adminEmail(input.email);
  const parsedName = text({ min: 2, max: 120 }).safeParse(input.name ?? "Administrator");
  if (!parsedName.success)
    throw new BootstrapError("The name must be 2 to 120 characters on one line.");
  const name = parsedName.data;
  if (input.password !== undefined) checkPassword(input.password, email);

  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, role: true, organisationId: true, passwordHash: true },
  });
  if (existing?.organisationId) {
    throw new BootstrapError(
      `${email} is a partner account of an organisation and cannot become an administrator. Use another address.`,
    );
  }

  const generated =
    input.password === undefined && !existing?.passwordHash ? randomPassword() : null;
  const password = input.password ?? generated;
  const passwordHash = password ? await hashPassword(password) : undefined;
  const now = new Date();

  if (!existing) {
    await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email, name, passwordHash, role: "ADMIN", status: "ACTIVE", emailVerifiedAt: now },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: null,
        action: "user.create_admin",
        entityType: "User",
        entityId: created.id,
        data: { via: "create-admin" },
      });
    });
    return { action: "created", email, generatedPassword: generated, passwordSet: true };
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: existing.id },
      data: {
        role: "ADMIN",
        status: "ACTIVE",
        emailVerifiedAt: now,
        ...(passwordHash ? { passwordHash } : {}),
        // A new role or password counts from the next sign-in: end the sessions.
        sessionVersion: { increment: 1 },
      },
    });
    await tx.session.updateMany({
      where: { userId: existing.id, revokedAt: null },
      data: { revokedAt: now },
    });
    await writeAudit(tx, {
      actorId: null,
      action: existing.role === "ADMIN" ? "user.update_admin" : "user.role.change",
      entityType: "User",
      entityId: existing.id,
      data: {
        via: "create-admin",
        from: existing.role,
        to: "ADMIN",
        passwordSet: Boolean(passwordHash),
      },
    });
  });
  return {
    action: existing.role === "ADMIN" ? "updated" : "promoted",
    email,
    generatedPassword: generated,
    passwordSet: Boolean(passwordHash),
  };
}

import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";
import { hashPassword } from "./password";
import { hashToken, newToken } from "./tokens";

const HOUR = 3_600_000;
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  VERIFY_EMAIL: 48 * HOUR,
  RESET_PASSWORD: 1 * HOUR,
  CHANGE_EMAIL: 24 * HOUR,
};

/** A new single-use link token for the user; earlier unused ones of the same purpose stop working. */
export async function issueUserToken(userId: string, purpose: TokenPurpose, newEmail?: string) {
  const { token, hash } = newToken();
  await db.$transaction([
    db.userToken.updateMany({
      where: { userId, purpose, usedAt: null },
      data: { usedAt: new Date() },
    }),
    db.userToken.create({
      data: {
        userId,
        purpose,
        tokenHash: hash,
        newEmail,
        expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
      },
    }),
  ]);
  return token;
}

/**
 * Marks a token used and returns it, or throws NOT_FOUND when it is unknown,
 * expired or already used. The conditional update makes it single-use even
 * under concurrent clicks.
 */
export async function consumeUserToken(token: string, purpose: TokenPurpose) {
  const tokenHash = hashToken(token);
  const now = new Date();
  const { count } = await db.userToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) throw new AppError("NOT_FOUND", "token invalid, expired or used");
  return db.userToken.findUniqueOrThrow({
    where: { tokenHash },
    select: {
      userId: true,
      newEmail: true,
      user: { select: { email: true, name: true, locale: true } },
    },
  });
}

export async function setPassword(userId: string, password: string) {
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(password) },
  });
}

/** Ends the user's other sessions, keeping the one in use. */
export async function revokeOtherSessions(userId: string, keepSessionId: string) {
  await db.session.updateMany({
    where: { userId, id: { not: keepSessionId }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

type EmailTx = {
  emailMessage: {
    deleteMany(args: { where: Prisma.EmailMessageWhereInput }): Promise<{ count: number }>;
  };
};

/**
 * Erasure of the email outbox: the messages sent (or still to be sent) to the
 * given addresses, and those to anyone whose subject or text names one of the
 * mentions (the erased person's name, address, organisation). Mentions shorter
 * than 3 characters are ignored, so that a short name cannot sweep the outbox.
 */
export async function eraseEmailsAbout(
  tx: EmailTx,
  input: { addresses: string[]; mentions: string[] },
): Promise<number> {
  const addresses = [...new Set(input.addresses.map((a) => a.trim().toLowerCase()))].filter(
    Boolean,
  );
  const mentions = [...new Set([...addresses, ...input.mentions.map((m) => m.trim())])].filter(
    (m) => m.length >= 3,
  );
  const { count } = await tx.emailMessage.deleteMany({
    where: {
      OR: [
        { to: { in: addresses, mode: "insensitive" } },
        ...mentions.flatMap((m) => [
          { subject: { contains: m, mode: "insensitive" as const } },
          { text: { contains: m, mode: "insensitive" as const } },
          { html: { contains: m, mode: "insensitive" as const } },
        ]),
      ],
    },
  });
  return count;
}

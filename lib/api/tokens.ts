// API tokens: what they look like, how they are stored (only a SHA-256 hash),
// and their life: create, verify, revoke, list. No "server-only" and no
// global client: the CLI (scripts/api-token.ts) passes its own Prisma client.
//
//   const { token } = await createApiToken(db, { userId, name: "ETL", actorId: userId });
//   const found = await findApiToken(db, bearerTokenOf(request.headers.get("authorization")));
import { createHash, randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/write";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

/** Every token starts with this, so secret scanners and people can recognise one. */
export const TOKEN_PREFIX = "bh_";
/** Random bytes in a token: 256 bits, base64url (43 characters). */
const TOKEN_BYTES = 32;
/** "bh_" and the first 8 characters of the random part: shown in lists to tell tokens apart. */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
const TOKEN_PATTERN = /^bh_[A-Za-z0-9_-]{43}$/;

/** Who may hold an API token: the API serves officials' data. */
export const API_TOKEN_ROLES = ["OFFICIAL", "ADMIN"] as const satisfies readonly Role[];

export function mayHoldApiToken(role: Role): boolean {
  return (API_TOKEN_ROLES as readonly Role[]).includes(role);
}

/** A new token, its hash (what is stored) and its shown prefix. The token itself is shown once. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, SHOWN_PREFIX_LENGTH) };
}

/** SHA-256, hex: looked up through the unique index, so no secret is ever compared in code. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string has the form of a token (checked before any database work). */
export function looksLikeApiToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * The token of an `Authorization: Bearer <token>` header, or null when the
 * header is missing or of another scheme. The scheme is case-insensitive
 * (RFC 9110); the token is taken as it is.
 */
export function bearerTokenOf(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** lastUsedAt is written at most this often per token. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Whether a token's lastUsedAt is old enough to be written again. */
export function shouldTouch(lastUsedAt: Date | null, now: Date): boolean {
  return lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}

export type TokenState = "active" | "revoked" | "expired";

export function tokenState(
  token: { revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): TokenState {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

// ---------------------------------------------------------------- database

const ownerSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  organisationId: true,
  locale: true,
} as const;

/** The stored token a presented one hashes to, with its owner; null when there is none. */
export async function findApiToken(db: Db, presented: string | null) {
  if (!presented || !looksLikeApiToken(presented)) return null;
  return db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(presented) },
    select: {
      id: true,
      userId: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: ownerSelect },
    },
  });
}

/** Records a use, at most once a minute per token (the WHERE clause decides, race-free). */
export async function touchApiToken(db: Db, tokenId: string, now: Date) {
  await db.apiToken.updateMany({
    where: {
      id: tokenId,
      OR: [
        { lastUsedAt: null },
        { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } },
      ],
    },
    data: { lastUsedAt: now },
  });
}

/**
 * Creates a token for an active official or admin and writes the audit row
 * in the same transaction. A partner or a disabled account gets FORBIDDEN.
 * Returns the token in clear: the only time it exists outside the caller's hands.
 */
export async function createApiToken(
  db: Db,
  input: {
    userId: string;
    name: string;
    actorId: string | null;
    expiresAt?: Date | null;
    /** Where it was made: "ui" or "cli" (kept in the audit row). */
    source?: "ui" | "cli";
  },
) {
  const { token, hash, prefix } = generateApiToken();
  const row = await db.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({
      where: { id: input.userId },
      select: { role: true, status: true },
    });
    if (!owner) throw new AppError("NOT_FOUND", "user");
    if (!mayHoldApiToken(owner.role) || owner.status !== "ACTIVE")
      throw new AppError("FORBIDDEN", `api token for ${owner.role} ${owner.status}`);
    const created = await tx.apiToken.create({
      data: {
        userId: input.userId,
        name: input.name,
        prefix,
        tokenHash: hash,
        expiresAt: input.expiresAt ?? null,
      },
      select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true },
    });
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: created.id,
      data: { userId: input.userId, prefix, source: input.source ?? "ui" },
    });
    return created;
  });
  return { ...row, token };
}

/**
 * Revokes a token. With `ownerId` only that user's token can be revoked
 * (an official revoking their own); null lets an admin revoke any. A token
 * that is not found, not in scope or already revoked gives NOT_FOUND.
 */
export async function revokeApiToken(
  db: Db,
  input: { tokenId: string; ownerId: string | null; actorId: string | null },
) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: {
        id: input.tokenId,
        revokedAt: null,
        ...(input.ownerId === null ? {} : { userId: input.ownerId }),
      },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "api token");
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: input.tokenId,
      data: { ownerScope: input.ownerId },
    });
  });
}

/** Tokens, newest first: one user's, or everyone's (for admins) with the owner. */
export async function listApiTokens(db: Db, scope: { userId: string } | { all: true }) {
  return db.apiToken.findMany({
    where: "userId" in scope ? { userId: scope.userId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
}

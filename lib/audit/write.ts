// No "server-only" here: command-line scripts (create-admin, api-token, import)
// write audit entries too, through the same function.
//
// The one writer of the audit log (ARCHITECTURE rule 7). Every entry names who
// (actorId, null when anonymous), what (action, entity, data), when (the
// database's now(), timestamptz) and from where: the client's IP address as
// vouched for by the trusted proxy, its User-Agent and the request id that
// ties the entry to the application's logs. lib/audit/one-writer.test.ts fails
// when anything else creates AuditLog rows.
import { headers as nextHeaders } from "next/headers";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clientIp } from "@/lib/http/client-ip";
import { logger } from "@/lib/server/logger";

export type AuditOrigin = {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export const NO_ORIGIN: AuditOrigin = Object.freeze({ ip: null, userAgent: null, requestId: null });

export const USER_AGENT_MAX_LENGTH = 256;

type HeaderSource = { get(name: string): string | null };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function printable(value: string | null): string | null {
  if (!value) return null;
  // Control characters would make the entry hard to read (and forge lines in a text export).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim();
  return clean ? clean.slice(0, USER_AGENT_MAX_LENGTH) : null;
}

/** The origin of a request, from its headers. */
export function originOf(headers: HeaderSource): AuditOrigin {
  const requestId = headers.get("x-request-id")?.trim() ?? null;
  return {
    ip: clientIp(headers),
    userAgent: printable(headers.get("user-agent")),
    requestId: requestId && REQUEST_ID.test(requestId) ? requestId : null,
  };
}

/**
 * The origin of the request being handled (server action, route handler,
 * page); NO_ORIGIN outside a request, e.g. in a job or a script. Never rejects.
 */
export async function requestOrigin(): Promise<AuditOrigin> {
  try {
    return originOf(await nextHeaders());
  } catch {
    return NO_ORIGIN;
  }
}

/** Keys that would put a secret or personal data in the log; dropped wherever they appear. */
const FORBIDDEN_KEYS = new Set(
  [
    "password",
    "currentPassword",
    "newPassword",
    "passwordHash",
    "token",
    "tokenHash",
    "accessToken",
    "secret",
    "sessionId",
    "sid",
    "cookie",
    "authorization",
    "email",
    "newEmail",
    "name",
    "phone",
  ].map((k) => k.toLowerCase()),
);

/** `data` without forbidden keys, and the list of the keys it dropped. */
export function scrubAuditData(value: unknown, dropped: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v) => scrubAuditData(v, dropped));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key.toLowerCase())) {
        dropped.push(key);
        continue;
      }
      if (inner !== undefined) out[key] = scrubAuditData(inner, dropped);
    }
    return out;
  }
  return value;
}

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Ids, codes and counts only: no personal data, no secrets. */
  data?: Record<string, unknown> | Prisma.InputJsonValue;
};

/** A Prisma client or transaction: write the entry in the same transaction as the change. */
export type AuditClient = {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): Promise<unknown> };
};

/**
 * Appends one entry. The origin is the current request's unless given (the
 * next-auth and API handlers pass the Request's own).
 */
export async function writeAudit(client: AuditClient, entry: AuditEntry, origin?: AuditOrigin) {
  const from = origin ?? (await requestOrigin());
  const dropped: string[] = [];
  const data =
    entry.data === undefined
      ? undefined
      : (scrubAuditData(entry.data, dropped) as Prisma.InputJsonValue);
  if (dropped.length > 0)
    logger.warn({ action: entry.action, dropped }, "audit data held forbidden keys; dropped");
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      data,
      ip: from.ip,
      userAgent: printable(from.userAgent),
      requestId: from.requestId,
    },
  });
}

type RedactClient = {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
};

/**
 * GDPR erasure: forgets the IP addresses and User-Agents of the entries whose
 * actor is the erased user. The only change the append-only trigger allows.
 * Returns how many entries were redacted.
 */
export async function redactAuditOrigins(client: RedactClient, actorId: string): Promise<number> {
  return client.$executeRaw`
    UPDATE "AuditLog" SET "ip" = NULL, "userAgent" = NULL
    WHERE "actorId" = ${actorId} AND ("ip" IS NOT NULL OR "userAgent" IS NOT NULL)`;
}

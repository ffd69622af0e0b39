import "server-only";
// Audit entries for events that are refusals rather than changes: a signed-in
// caller refused by the gate, an API token refused, a failed sign-in. They are
// written outside any transaction (nothing changed), and the ones an anonymous
// client can cause at will are throttled so that nobody can flood the
// append-only table.
import { after } from "next/server";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hit } from "@/lib/rate-limit";
import { logger } from "@/lib/server/logger";
import { type AuditEntry, type AuditOrigin, requestOrigin, writeAudit } from "./write";

/** Where a refusal happened: a page path, a server action's name, a route. */
export type DeniedAt = { page: string } | { action: string } | { route: string };

export type DeniedCaller = { userId: string; role: Role };

function entityOf(where: DeniedAt | undefined): { entityType: string; entityId: string | null } {
  if (!where) return { entityType: "Request", entityId: null };
  if ("page" in where) return { entityType: "Page", entityId: where.page.slice(0, 200) };
  if ("action" in where) return { entityType: "Action", entityId: where.action.slice(0, 200) };
  return { entityType: "Route", entityId: where.route.slice(0, 200) };
}

/** The entry of a refusal by the gate (authz.denied). */
export function accessDeniedEntry(
  caller: DeniedCaller,
  rule: { roles?: readonly Role[]; organisation?: boolean },
  reason: string,
  where?: DeniedAt,
): AuditEntry {
  return {
    actorId: caller.userId,
    action: "authz.denied",
    ...entityOf(where),
    data: {
      reason,
      role: caller.role,
      ...(rule.roles ? { required: [...rule.roles] } : {}),
      ...(rule.organisation ? { organisation: true } : {}),
    },
  };
}

/**
 * Records a signed-in caller refused by the gate. The gate is synchronous, so
 * the entry is written after the response (Next's `after`), with the origin
 * read now, while the request is still in scope. Outside a request (unit
 * tests, scripts) there is no one to record.
 */
export function reportAccessDenied(
  caller: DeniedCaller,
  rule: { roles?: readonly Role[]; organisation?: boolean },
  reason: string,
  where?: DeniedAt,
) {
  const entry = accessDeniedEntry(caller, rule, reason, where);
  try {
    const origin = requestOrigin();
    after(async () => {
      try {
        await writeAudit(db, entry, await origin);
      } catch (error) {
        logger.error({ err: error, action: entry.action }, "audit entry not written");
      }
    });
  } catch {
    // `after` outside a request scope: nothing to record.
  }
}

/**
 * Writes an entry that an anonymous client could cause at will (a failed
 * sign-in, a refused API token) at most `limit` times per window and key; the
 * rest are dropped, with a warning in the application log. Returns whether it
 * was written. Never throws: a refusal is answered even if the log is down.
 */
export async function writeThrottledAudit(
  key: string,
  entry: AuditEntry,
  origin: AuditOrigin,
  rule = { limit: 20, windowSeconds: 15 * 60 },
): Promise<boolean> {
  try {
    const { allowed } = await hit(`audit:${key}`, rule);
    if (!allowed) {
      logger.warn({ action: entry.action, key }, "audit entry throttled");
      return false;
    }
    await writeAudit(db, entry, origin);
    return true;
  } catch (error) {
    logger.error({ err: error, action: entry.action }, "audit entry not written");
    return false;
  }
}

/**
 * A download of personal data: the officials' CSV export of expressions of
 * interest (interests.export, with the names of the filters used, not their
 * values), or a user's own data export (user.data_exported).
 */
export async function auditDataExport(
  actorId: string,
  what: "interests" | "account",
  filterNames: string[] = [],
) {
  await writeAudit(
    db,
    what === "interests"
      ? {
          actorId,
          action: "interests.export",
          entityType: "ExpressionOfInterest",
          data: { filters: [...new Set(filterNames)].sort() },
        }
      : { actorId, action: "user.data_exported", entityType: "User", entityId: actorId },
  );
}

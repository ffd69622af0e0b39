import "server-only";
import { db } from "@/lib/db";
import type { MatchTargetKind } from "@/lib/generated/prisma/enums";
import { REINVITE_AFTER_DAYS } from "./schema";

/** The start of the window in which a new invitation to the same target is refused. */
export function reinviteWindowStart(now = new Date()): Date {
  return new Date(now.getTime() - REINVITE_AFTER_DAYS * 24 * 60 * 60 * 1000);
}

/**
 * For a page of organisations on a ranked list: when each was last invited
 * to this target within the refusal window. One grouped query for the page.
 */
export async function recentInvites(
  target: { kind: MatchTargetKind; id: string },
  organisationIds: string[],
  now = new Date(),
): Promise<Map<string, Date>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db.interestInvite.groupBy({
    by: ["organisationId"],
    where: {
      targetKind: target.kind,
      targetId: target.id,
      organisationId: { in: organisationIds },
      createdAt: { gte: reinviteWindowStart(now) },
    },
    _max: { createdAt: true },
  });
  return new Map(
    rows.flatMap((row) => (row._max.createdAt ? [[row.organisationId, row._max.createdAt]] : [])),
  );
}

import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_PAGE_SIZE, type AuditFilter, utcDayStart } from "./schema";

/** At most this many accounts match an actor search; a longer list means "be more precise". */
export const ACTOR_MATCH_LIMIT = 200;

const DAY_MS = 86_400_000;

/**
 * The WHERE clause of a filter. The actor search resolves email addresses to
 * ids first (one query), so the log itself is read by indexed columns only.
 */
async function whereOf(filter: AuditFilter): Promise<Prisma.AuditLogWhereInput | null> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.action) and.push({ action: filter.action });
  if (filter.prefix) and.push({ action: { startsWith: filter.prefix } });
  if (filter.type) and.push({ entityType: filter.type });
  if (filter.entity) and.push({ entityId: filter.entity });
  if (filter.ip) and.push({ ip: filter.ip });
  const from = utcDayStart(filter.from);
  const to = utcDayStart(filter.to);
  if (from) and.push({ createdAt: { gte: from } });
  if (to) and.push({ createdAt: { lt: new Date(to.getTime() + DAY_MS) } });
  if (filter.actor) {
    const users = await db.user.findMany({
      where: { email: { contains: filter.actor, mode: "insensitive" } },
      select: { id: true },
      orderBy: { email: "asc" },
      take: ACTOR_MATCH_LIMIT,
    });
    if (users.length === 0) return null; // nobody matches: nothing to show
    and.push({ actorId: { in: users.map((u) => u.id) } });
  }
  return { AND: and };
}

export type AuditEntryView = Awaited<ReturnType<typeof listAuditEntries>>["entries"][number];

/**
 * One page of the audit log, newest first, by keyset: `before` gives the
 * entries older than a position, `after` those newer than it. Each entry
 * comes with its actor (one query for the page, not one per entry); an actor
 * whose account has been erased comes back as null with `actorId` kept.
 */
export async function listAuditEntries(filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  const where = await whereOf(filter);
  if (!where) return { entries: [], hasOlder: false, hasNewer: false };
  const newerFirst = !filter.after;
  const cursor = filter.before ?? filter.after;
  const position: Prisma.AuditLogWhereInput | undefined = cursor
    ? newerFirst
      ? {
          OR: [
            { createdAt: { lt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { lt: cursor.id } },
          ],
        }
      : {
          OR: [
            { createdAt: { gt: cursor.createdAt } },
            { createdAt: cursor.createdAt, id: { gt: cursor.id } },
          ],
        }
    : undefined;
  const direction = newerFirst ? "desc" : "asc";
  const rows = await db.auditLog.findMany({
    where: position ? { AND: [where, position] } : where,
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: pageSize + 1,
  });
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (!newerFirst) page.reverse();
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((id): id is string => !!id))];
  const actors = actorIds.length
    ? await db.user.findMany({
        where: { id: { in: actorIds } },
        select: { id: true, email: true, name: true, role: true },
      })
    : [];
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    entries: page.map((row) => ({
      ...row,
      actor: row.actorId ? (byId.get(row.actorId) ?? null) : null,
    })),
    // Coming from a position, the other direction has entries (at least the one we came from).
    hasOlder: newerFirst ? more : true,
    hasNewer: newerFirst ? Boolean(filter.before) : more,
  };
}

// The admin audit page's filter, read from the address (so that a view can be
// bookmarked and shared). Isomorphic, no Prisma. Lenient: a value that does not
// parse falls back to "no filter" rather than an error page.
import { z } from "zod";
import { AUDIT_ACTION_CODES } from "./actions";

export const AUDIT_PAGE_SIZE = 50;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (YYYY-MM-DD) as the instant it starts in UTC; undefined when not a real day. */
export function utcDayStart(day: string | undefined): Date | undefined {
  if (!day || !DAY.test(day)) return undefined;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // 2026-02-31 rolls over to March: not a day.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date
    : undefined;
}

export type AuditCursor = { createdAt: Date; id: string };

/** "2026-11-29T10:00:00.123Z_ckxyz": the position of an entry in the newest-first order. */
export function encodeCursor(cursor: AuditCursor): string {
  return `${cursor.createdAt.toISOString()}_${cursor.id}`;
}

export function decodeCursor(value: string | undefined): AuditCursor | undefined {
  const match = value?.match(
    /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([A-Za-z0-9-]{1,64})$/,
  );
  if (!match) return undefined;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? undefined : { createdAt, id: match[2]! };
}

const trimmed = (max: number, pattern?: RegExp) =>
  z
    .string()
    .optional()
    .transform((s) => {
      const t = s?.trim();
      if (!t || t.length > max) return undefined;
      return !pattern || pattern.test(t) ? t : undefined;
    })
    .catch(undefined);

const day = z
  .string()
  .optional()
  .transform((s) => (utcDayStart(s?.trim()) ? s!.trim() : undefined))
  .catch(undefined);

export const auditFilterSchema = z.object({
  /** One known action code, exactly. */
  action: z.enum(AUDIT_ACTION_CODES).optional().catch(undefined),
  /** Any action starting with this text, e.g. "auth." or "interest". */
  prefix: trimmed(60, /^[A-Za-z0-9._-]+$/),
  /** Part of the actor's email address. */
  actor: trimmed(254),
  /** Entity type, exactly (e.g. User). */
  type: trimmed(40, /^[A-Za-z]+$/),
  /** Entity id, exactly. */
  entity: trimmed(200, /^[\x21-\x7e]+$/),
  /** First and last day, inclusive, in UTC (YYYY-MM-DD). */
  from: day,
  to: day,
  ip: trimmed(45, /^[0-9a-fA-F:.]{2,45}$/),
  /** Keyset pagination: entries older than this one, or newer than this one. */
  before: z.string().optional().transform(decodeCursor).catch(undefined),
  after: z.string().optional().transform(decodeCursor).catch(undefined),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

const FIELDS = [
  "action",
  "prefix",
  "actor",
  "type",
  "entity",
  "from",
  "to",
  "ip",
  "before",
  "after",
] as const;

/** Reads the filter from a page's searchParams (the first value of a repeated parameter). */
export function parseAuditFilter(
  params: Record<string, string | string[] | undefined>,
): AuditFilter {
  const raw: Record<string, string | undefined> = {};
  for (const name of FIELDS) {
    const value = params[name];
    raw[name] = Array.isArray(value) ? value[0] : value;
  }
  const filter = auditFilterSchema.parse(raw);
  // One direction at a time.
  if (filter.before && filter.after) filter.after = undefined;
  return filter;
}

/** Whether any filter (not the page position) is set. */
export function isFiltered(filter: AuditFilter): boolean {
  return Boolean(
    filter.action ||
      filter.prefix ||
      filter.actor ||
      filter.type ||
      filter.entity ||
      filter.from ||
      filter.to ||
      filter.ip,
  );
}

/** The query string of the same filter, at another position (or the newest page). */
export function auditQuery(
  filter: AuditFilter,
  position: { before?: AuditCursor; after?: AuditCursor } = {},
): string {
  const query = new URLSearchParams();
  for (const name of ["action", "prefix", "actor", "type", "entity", "from", "to", "ip"] as const) {
    const value = filter[name];
    if (value) query.set(name, value);
  }
  if (position.before) query.set("before", encodeCursor(position.before));
  else if (position.after) query.set("after", encodeCursor(position.after));
  return query.toString();
}

// The kinds of in-app notification (Notification.kind). Isomorphic: the
// notification centre picks its message by kind.
export const NOTIFICATION_KINDS = [
  /** To the partner: their expression changed status (data: from, to, action). */
  "interest.status",
  /** To the partner: an official asked for information (data: from, to, action). */
  "interest.infoRequested",
  /** To an official: an expression was assigned to them (data: by). */
  "interest.assigned",
  /** To the assigned official: the partner answered a request for information. */
  "interest.replied",
  /** To the assigned official: the partner withdrew the expression. */
  "interest.withdrawn",
  /** To an official: the daily digest of unassigned expressions (data: date, count, days). */
  "interest.digest",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

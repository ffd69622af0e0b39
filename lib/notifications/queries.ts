import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { isNotificationKind, type NotificationKind } from "./kinds";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/**
 * The caller's unread count, for the bell: one count over the
 * (userId, readAt, createdAt) index. Cached for the request.
 */
export const countUnreadNotifications = cache(async (userId: string): Promise<number> => {
  return db.notification.count({ where: { userId, readAt: null } });
});

export type NotificationItem = {
  id: string;
  kind: NotificationKind | "other";
  read: boolean;
  createdAt: Date;
  data: Record<string, unknown>;
  /** The app path (without the locale) the notification leads to, if any. */
  path: string | null;
  interest: {
    id: string;
    organisationName: string;
    targetEn: string;
    targetZh: string;
    isOpenInterest: boolean;
  } | null;
};

/** Where a notification leads: partners to their expression, officials to the review page. */
export function notificationPath(
  role: Role,
  kind: string,
  interestId: string | null,
): string | null {
  if (kind === "interest.digest")
    return role === "PARTNER" ? null : "/official/interests?assignee=none";
  if (!interestId) return null;
  return role === "PARTNER" ? `/interests/${interestId}` : `/official/interests/${interestId}`;
}

/** One page of the user's notifications, newest first, with what each is about (two queries). */
export async function listNotifications(user: { userId: string; role: Role }, page = 1) {
  const where = { userId: user.userId };
  const [total, unread] = await Promise.all([
    db.notification.count({ where }),
    countUnreadNotifications(user.userId),
  ]);
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * NOTIFICATIONS_PAGE_SIZE,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      readAt: true,
      createdAt: true,
      data: true,
      interestId: true,
      interest: {
        select: {
          id: true,
          organisation: { select: { name: true } },
          opportunity: { select: { titleEn: true, titleZh: true } },
          theme: { select: { nameEn: true, nameZh: true } },
        },
      },
    },
  });
  const items: NotificationItem[] = rows.map((row) => ({
    id: row.id,
    kind: isNotificationKind(row.kind) ? row.kind : "other",
    read: row.readAt !== null,
    createdAt: row.createdAt,
    data: (row.data && typeof row.data === "object" && !Array.isArray(row.data)
      ? row.data
      : {}) as Record<string, unknown>,
    path: notificationPath(user.role, row.kind, row.interestId),
    interest: row.interest
      ? {
          id: row.interest.id,
          organisationName: row.interest.organisation.name,
          targetEn: row.interest.opportunity?.titleEn ?? row.interest.theme.nameEn,
          targetZh: row.interest.opportunity?.titleZh ?? row.interest.theme.nameZh,
          isOpenInterest: row.interest.opportunity === null,
        }
      : null,
  }));
  return { items, total, unread, page: current, pages };
}

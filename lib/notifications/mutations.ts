import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "./kinds";

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  interestId?: string | null;
  data?: Prisma.InputJsonObject;
};

/**
 * Writes notifications through `client`, usually the transaction of the change
 * they report: no notification without its change, and no change without them.
 */
export async function createNotifications(
  client: Pick<Prisma.TransactionClient, "notification">,
  rows: NewNotification[],
): Promise<void> {
  if (rows.length === 0) return;
  await client.notification.createMany({
    data: rows.map((row) => ({
      userId: row.userId,
      kind: row.kind,
      interestId: row.interestId ?? null,
      data: row.data ?? {},
    })),
  });
}

/** Marks one of the user's notifications read; someone else's id matches nothing. */
export async function markNotificationRead(input: {
  userId: string;
  id: string;
}): Promise<{ updated: number }> {
  const { count } = await db.notification.updateMany({
    where: { id: input.id, userId: input.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { updated: count };
}

/** Marks every unread notification of the user read. */
export async function markAllNotificationsRead(input: {
  userId: string;
}): Promise<{ updated: number }> {
  const { count } = await db.notification.updateMany({
    where: { userId: input.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { updated: count };
}

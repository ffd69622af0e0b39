"use server";

import { createAction } from "@/lib/server/action";
import { markAllNotificationsRead, markNotificationRead } from "./mutations";
import { markAllNotificationsReadSchema, markNotificationReadSchema } from "./schema";

/** Marks one of the caller's notifications read (another user's id changes nothing). */
export const markNotificationReadAction = createAction(
  { schema: markNotificationReadSchema, access: {}, name: "markNotificationRead" },
  async ({ id }, { caller }) => markNotificationRead({ userId: caller!.userId, id }),
);

/** Marks all of the caller's notifications read. */
export const markAllNotificationsReadAction = createAction(
  { schema: markAllNotificationsReadSchema, access: {}, name: "markAllNotificationsRead" },
  async (_input, { caller }) => markAllNotificationsRead({ userId: caller!.userId }),
);

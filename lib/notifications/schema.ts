// The notification centre's forms: mark one, or all, read. Isomorphic.
import { z } from "zod";
import { id } from "@/lib/validation/fields";

export const markNotificationReadSchema = z.strictObject({ id });
export const markAllNotificationsReadSchema = z.strictObject({});

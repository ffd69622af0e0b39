// Forms and filters of the users domain (administration), shared by form and server.
import { z } from "zod";
import { STAFF_ROLES } from "@/lib/invitations/schema";
import { id, msg } from "@/lib/validation/fields";

export const ROLES = ["PARTNER", "OFFICIAL", "ADMIN"] as const;
export const USER_STATUSES = ["ACTIVE", "DISABLED"] as const;
export const USERS_PAGE_SIZE = 25;

/**
 * The admin user list's query parameters. Not strict: a link may carry other
 * parameters; a value that does not parse falls back to "no filter".
 */
export const userFilterSchema = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
  q: z
    .string()
    .optional()
    .transform((s) => s?.trim().slice(0, 100) || undefined)
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type UserFilter = z.output<typeof userFilterSchema>;

/** Reads the filter from a page's searchParams (the first value of a repeated parameter). */
export function parseUserFilter(params: Record<string, string | string[] | undefined>): UserFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return userFilterSchema.parse({
    role: first(params.role),
    status: first(params.status),
    q: first(params.q),
    page: first(params.page),
  });
}

/** Disable or re-enable an account. */
export const setUserStatusSchema = z.strictObject({
  userId: id,
  status: z.enum(USER_STATUSES, { error: msg("invalid") }),
});
export type SetUserStatusInput = z.input<typeof setUserStatusSchema>;

/** Change a staff member's role: only between official and admin. */
export const changeUserRoleSchema = z.strictObject({
  userId: id,
  role: z.enum(STAFF_ROLES, { error: msg("invalid") }),
});
export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>;

// Forms of the invitations domain: one schema each, shared by the form and the server action.
// Strict objects: a role or an organisation smuggled into a form is refused.
import { z } from "zod";
import { confirmPassword, confirmsPassword } from "@/lib/auth/schema";
import { locales } from "@/lib/i18n/routing";
import { email, id, msg, newPassword, text } from "@/lib/validation/fields";

/** A partner invites a colleague into their own organisation: only the address. */
export const inviteColleagueSchema = z.strictObject({ email });
export type InviteColleagueInput = z.input<typeof inviteColleagueSchema>;

/** Staff roles an admin may invite; partners join through their organisation instead. */
export const STAFF_ROLES = ["OFFICIAL", "ADMIN"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** An admin invites an official or another admin, with the language of the email. */
export const inviteStaffSchema = z.strictObject({
  email,
  role: z.enum(STAFF_ROLES, { error: msg("invalid") }),
  locale: z.enum(locales, { error: msg("invalid") }),
});
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;

export const revokeInvitationSchema = z.strictObject({ invitationId: id });

/** The token of an invitation link (newToken(): 32 random bytes, base64url). */
export const invitationToken = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);

/** The invitee chooses a name and a password; the link proves their address. */
export const acceptInvitationSchema = z
  .strictObject({
    token: invitationToken,
    locale: z.enum(locales),
    name: text({ min: 2, max: 120 }),
    password: newPassword,
    confirm: confirmPassword,
  })
  .refine((v) => v.password === v.confirm, confirmsPassword);
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

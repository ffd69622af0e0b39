// Forms of the accounts domain: one schema each, used by the form and the server action.
import { z } from "zod";
import { currentPassword, email, msg, newPassword, text } from "@/lib/validation/fields";

export const registerSchema = z.strictObject({
  name: text({ min: 2, max: 120 }),
  email,
  password: newPassword,
});
export type RegisterInput = z.input<typeof registerSchema>;

export const forgotPasswordSchema = z.strictObject({ email });

const token = z
  .string()
  .min(20)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);

export const tokenSchema = z.strictObject({ token });

export const resetPasswordSchema = z
  .strictObject({ token, password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: msg("passwordMismatch"), path: ["confirm"] });

export const changePasswordSchema = z
  .strictObject({ currentPassword, password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: msg("passwordMismatch"), path: ["confirm"] });

export const changeEmailSchema = z.strictObject({ currentPassword, email });

export const deleteAccountSchema = z.strictObject({
  currentPassword,
  /** Must be true when the account is its organisation's last member. */
  deleteOrganisation: z.boolean().optional(),
});

export const emptySchema = z.strictObject({});

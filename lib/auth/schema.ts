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

/**
 * The repeated new password: refused by the same length limit as the
 * password it confirms (128) before it is compared, so a huge value is
 * "too long", not a mismatch compared at length.
 */
export const confirmPassword = z
  .string({ error: msg("required") })
  .max(128, msg("tooLong", { max: 128 }));

/** The comparison, made only once both fields passed their own rules (length first). */
export const confirmsPassword = {
  message: msg("passwordMismatch"),
  path: ["confirm"],
  when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
};

export const resetPasswordSchema = z
  .strictObject({ token, password: newPassword, confirm: confirmPassword })
  .refine((v) => v.password === v.confirm, confirmsPassword);

export const changePasswordSchema = z
  .strictObject({ currentPassword, password: newPassword, confirm: confirmPassword })
  .refine((v) => v.password === v.confirm, confirmsPassword);

export const changeEmailSchema = z.strictObject({ currentPassword, email });

export const deleteAccountSchema = z.strictObject({
  currentPassword,
  /** Must be true when the account is its organisation's last member. */
  deleteOrganisation: z.boolean().optional(),
});

export const emptySchema = z.strictObject({});

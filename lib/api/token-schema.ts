// Forms of the API tokens page: one schema each, shared by the form and the
// server action. Strict: a userId or role smuggled into a form is refused.
import { z } from "zod";
import { id, text } from "@/lib/validation/fields";

export const TOKEN_NAME_MAX = 80;

/** A name to tell the token apart ("Reporting script"); the owner is always the caller. */
export const createApiTokenSchema = z.strictObject({ name: text({ max: TOKEN_NAME_MAX }) });
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.strictObject({ tokenId: id });
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;

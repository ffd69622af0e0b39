// Field schemas shared by every form and server action. Messages are keys of
// the "validation" namespace, with parameters after "?", e.g.
// "tooShort?min=12"; forms translate them with translateValidation().
// First: zod's settings, before any schema is built (see the module).
import "./zod-config";
import { z } from "zod";

export const msg = (key: string, params?: Record<string, string | number>) =>
  params
    ? `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`
    : key;

// C0 and C1 control characters except tab, line feed and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * The longest raw string a field of `max` characters reads at all: room for
 * surrounding whitespace that trimming removes; anything longer is refused
 * by its length alone, before it is trimmed or scanned (a 100,000-character
 * value costs nothing).
 */
export const rawLimit = (max: number) => max * 2 + 100;

/** Trimmed text, no NUL or control characters, length bounded. */
export function text({
  min = 1,
  max,
  multiline = false,
}: {
  min?: number;
  max: number;
  multiline?: boolean;
}) {
  return z
    .string({ error: msg("required") })
    .max(rawLimit(max), msg("tooLong", { max }))
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .refine((s) => !CONTROL.test(s), msg("controlCharacters"))
        .refine((s) => multiline || !/[\r\n]/.test(s), msg("singleLine"))
        .refine((s) => s.length >= min, min <= 1 ? msg("required") : msg("tooShort", { min }))
        .refine((s) => s.length <= max, msg("tooLong", { max })),
    );
}

/** Optional text: empty becomes undefined. */
export function optionalText(options: { max: number; multiline?: boolean }) {
  return z
    .string()
    .max(rawLimit(options.max), msg("tooLong", { max: options.max }))
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined))
    .pipe(text({ ...options, min: 1 }).optional());
}

export const email = z
  .string({ error: msg("required") })
  .max(rawLimit(254), msg("tooLong", { max: 254 }))
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, msg("required"))
      .max(254, msg("tooLong", { max: 254 }))
      .refine((s) => !CONTROL.test(s), msg("controlCharacters"))
      .pipe(z.email(msg("email"))),
  );

/** http(s) URLs only: no javascript:, data: or other schemes. */
export const httpUrl = z
  .string()
  .max(rawLimit(500), msg("tooLong", { max: 500 }))
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .max(500, msg("tooLong", { max: 500 }))
      .refine((s) => !CONTROL.test(s), msg("controlCharacters"))
      .refine((s) => {
        try {
          const url = new URL(s);
          return (
            (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".")
          );
        } catch {
          return false;
        }
      }, msg("url")),
  );

export const optionalHttpUrl = z
  .string()
  .max(rawLimit(500), msg("tooLong", { max: 500 }))
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined))
  .pipe(httpUrl.optional());

/** The password rule: length only (NIST SP 800-63B); the common-password check runs on the server. */
export const newPassword = z
  .string({ error: msg("required") })
  .min(12, msg("passwordTooShort", { min: 12 }))
  .max(128, msg("tooLong", { max: 128 }))
  .refine((s) => !s.includes("\u0000"), msg("controlCharacters"));

export const currentPassword = z
  .string({ error: msg("required") })
  .min(1, msg("required"))
  .max(128, msg("tooLong", { max: 128 }))
  .refine((s) => !s.includes("\u0000"), msg("controlCharacters"));

export const trl = z.coerce.number().int(msg("trl")).min(1, msg("trl")).max(9, msg("trl"));

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

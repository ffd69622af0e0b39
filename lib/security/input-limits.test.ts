// Every form's schema, found by import, against the two inputs that must
// never reach the database: a 100,000-character value (refused by length,
// with a field message, before it is trimmed or scanned) and a NUL
// character (refused with a field message: PostgreSQL cannot store it).
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { email, httpUrl, optionalHttpUrl, optionalText, text } from "@/lib/validation/fields";

const HUGE = `${"x".repeat(99_990)} end of it`;

/** lib/<domain>/schema.ts and *-schema.ts: the forms' and queries' schemas (not the API's output docs). */
function schemaFiles(): string[] {
  const lib = path.resolve(__dirname, "..");
  return readdirSync(lib, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "api")
    .flatMap((d) =>
      readdirSync(path.join(lib, d.name))
        .filter((f) => /(^|-)schema\.ts$/.test(f))
        .map((f) => path.join(lib, d.name, f)),
    );
}

type Shape = Record<string, z.ZodType>;

/**
 * Fields without a length of their own that are harmless: a password
 * confirmation is only compared with the password (at most 128 characters),
 * never stored or scanned, and the mismatch is its field message.
 */
const KNOWN = new Set([
  "schema.ts resetPasswordSchema.confirm",
  "schema.ts changePasswordSchema.confirm",
  "schema.ts acceptInvitationSchema.confirm",
]);

/** Exported object schemas with their shapes. */
async function objectSchemas() {
  const found: Array<{ name: string; shape: Shape; schema: z.ZodType }> = [];
  for (const file of schemaFiles()) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType)) continue;
      const shape = (value as { shape?: Shape }).shape;
      if (shape && typeof shape === "object")
        found.push({ name: `${path.basename(file)} ${name}`, shape, schema: value });
    }
  }
  return found;
}

/** The fields that take text: a short string passes their own check. */
function textFields(shape: Shape): string[] {
  return Object.keys(shape).filter((key) => {
    const result = z.strictObject({ [key]: shape[key]! }).safeParse({ [key]: "Abc def" });
    return (
      result.success || !result.error.issues.some((i) => i.path[0] === key && i.code !== "custom")
    );
  });
}

const issuesAt = (schema: z.ZodType, key: string, value: string) => {
  const result = schema.safeParse({ [key]: value });
  return result.success
    ? []
    : result.error.issues.filter((i) => i.path[0] === key).map((i) => i.message);
};

describe("text input limits", () => {
  it("finds the form schemas", async () => {
    const schemas = await objectSchemas();
    expect(schemas.length).toBeGreaterThan(10);
  });

  it("every text field of every schema refuses 100,000 characters and a NUL with a field message", async () => {
    const accepted: string[] = [];
    for (const { name, shape, schema } of await objectSchemas()) {
      for (const key of textFields(shape)) {
        const parsed = schema.safeParse({ [key]: HUGE });
        if (parsed.success) {
          // Filters may drop a bad value or cut it (the review queue's q keeps 100 characters).
          const kept = (parsed.data as Record<string, unknown>)[key];
          if (kept === undefined || (typeof kept === "string" && kept.length <= 1000)) continue;
          accepted.push(`${name}.${key}: 100,000 characters`);
          continue;
        }
        if (issuesAt(schema, key, HUGE).length === 0 && !KNOWN.has(`${name}.${key}`))
          accepted.push(`${name}.${key}: no message for 100,000 characters`);
      }
      // Filters are read from the URL, where proxy.ts refuses any NUL first (request-policy.test.ts).
      if (/(Filter|State|Query)Schema$/.test(name)) continue;
      for (const key of textFields(shape)) {
        const withNul = schema.safeParse({ [key]: "Abc\u0000def" });
        const kept = withNul.success ? (withNul.data as Record<string, unknown>)[key] : undefined;
        if (typeof kept === "string" && kept.includes("\u0000"))
          accepted.push(`${name}.${key}: keeps a NUL`);
        if (!withNul.success && issuesAt(schema, key, "Abc\u0000def").length === 0)
          if (!KNOWN.has(`${name}.${key}`)) accepted.push(`${name}.${key}: no message for a NUL`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it("the shared field schemas refuse an oversized value by its length, before anything else", () => {
    const spaces = ` ${"\u0000".repeat(50_000)}${" ".repeat(50_000)}`;
    for (const schema of [
      text({ max: 200 }),
      text({ max: 5000, multiline: true }),
      optionalText({ max: 200 }),
      email,
      httpUrl,
      optionalHttpUrl,
    ]) {
      const result = schema.safeParse(spaces);
      expect(result.success).toBe(false);
      // One issue, the length: the control characters were never scanned.
      expect(result.error!.issues.map((i) => i.message.split("?")[0])).toEqual(["tooLong"]);
    }
  });

  it("the shared field schemas refuse NUL with a field message", () => {
    for (const schema of [text({ max: 200 }), optionalText({ max: 200 }), email, httpUrl]) {
      const result = schema.safeParse("https://a.example/\u0000");
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toMatch(/^(controlCharacters|email|url)/);
    }
  });
});

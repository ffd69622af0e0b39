// Every form of the accounts domain, walked field by field: 100,000
// characters in any text field (confirmations included) are refused by
// length, on that field, and nothing else is said about it (a confirmation
// compared at that length would answer "passwords differ" instead).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as schemas from "./schema";

const PASSWORD = "a-long-enough-passphrase";
const TOKEN = "A".repeat(43);

/** A valid submission of each form; a new schema must get one here. */
const VALID: Record<string, Record<string, unknown>> = {
  registerSchema: { name: "Ada Lovelace", email: "ada@example.com", password: PASSWORD },
  forgotPasswordSchema: { email: "ada@example.com" },
  tokenSchema: { token: TOKEN },
  resetPasswordSchema: { token: TOKEN, password: PASSWORD, confirm: PASSWORD },
  changePasswordSchema: { currentPassword: "old", password: PASSWORD, confirm: PASSWORD },
  changeEmailSchema: { currentPassword: "old", email: "new@example.com" },
  deleteAccountSchema: { currentPassword: "old", deleteOrganisation: true },
  emptySchema: {},
};

const forms = Object.entries(schemas).filter(
  (entry): entry is [string, z.ZodObject] => entry[1] instanceof z.ZodObject,
);

describe("the accounts forms refuse 100,000 characters by length", () => {
  it("has a valid sample for every form, which passes", () => {
    expect(forms.map(([name]) => name).sort()).toEqual(Object.keys(VALID).sort());
    for (const [name, schema] of forms)
      expect(schema.safeParse(VALID[name]).success, name).toBe(true);
  });

  for (const [name, schema] of forms) {
    const textFields = Object.entries(VALID[name] ?? {}).filter(([, v]) => typeof v === "string");
    for (const [field] of textFields) {
      it(`${name}.${field}`, () => {
        const huge = "x".repeat(100_000);
        const input = { ...VALID[name], [field]: huge };
        const result = schema.safeParse(input);
        expect(result.success).toBe(false);
        const issues = result.error!.issues;
        expect(issues.map((i) => i.path.join("."))).toContain(field);
        const own = issues.filter((i) => i.path[0] === field);
        expect(own[0]!.code).toBe("too_big");
        expect(own.map((i) => i.message).join()).not.toContain("passwordMismatch");
      });
    }
  }

  it("refuses a confirmation longer than the password it confirms, by length", () => {
    const tooLong = "y".repeat(129);
    for (const schema of [schemas.resetPasswordSchema, schemas.changePasswordSchema]) {
      const base =
        schema === schemas.resetPasswordSchema
          ? VALID.resetPasswordSchema
          : VALID.changePasswordSchema;
      const result = schema.safeParse({ ...base, confirm: tooLong });
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ path: ["confirm"], code: "too_big", message: "tooLong?max=128" }),
      ]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { email, httpUrl, newPassword, optionalHttpUrl, text } from "./fields";
import { parseValidationMessage } from "./translate";

const firstMessage = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]?.message;
};

describe("text", () => {
  const name = text({ min: 2, max: 10 });
  it("trims and bounds", () => {
    expect(name.parse("  Ab  ")).toBe("Ab");
    expect(firstMessage(name, "A")).toBe("tooShort?min=2");
    expect(firstMessage(name, "A".repeat(11))).toBe("tooLong?max=10");
    expect(firstMessage(name, "   ")).toBe("tooShort?min=2");
  });

  it("refuses NUL bytes and control characters, and line breaks in single-line fields", () => {
    expect(firstMessage(name, "ab\u0000c")).toBe("controlCharacters");
    expect(firstMessage(name, "ab\u001bc")).toBe("controlCharacters");
    expect(firstMessage(name, "ab\nc")).toBe("singleLine");
    expect(text({ max: 20, multiline: true }).parse("line one\nline two")).toBe(
      "line one\nline two",
    );
  });

  it("keeps Chinese text", () => {
    expect(text({ max: 20 }).parse(" 呼和浩特乳业 ")).toBe("呼和浩特乳业");
  });
});

describe("email", () => {
  it("normalises case and spaces", () => {
    expect(email.parse("  Anna@Example.EU ")).toBe("anna@example.eu");
  });
  it("refuses what is not an address", () => {
    expect(firstMessage(email, "anna")).toBe("email");
    expect(firstMessage(email, "")).toBe("required");
  });
});

describe("httpUrl", () => {
  it("accepts http and https only", () => {
    expect(httpUrl.parse("https://example.eu/about")).toBe("https://example.eu/about");
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,x",
      "ftp://example.eu",
      "https://localhost",
      "nonsense",
    ]) {
      expect(firstMessage(httpUrl, bad)).toBe("url");
    }
  });
  it("treats an empty optional URL as absent", () => {
    expect(optionalHttpUrl.parse("  ")).toBeUndefined();
  });
});

describe("newPassword", () => {
  it("asks for 12 characters and no composition rules", () => {
    expect(firstMessage(newPassword, "short")).toBe("passwordTooShort?min=12");
    expect(newPassword.parse("all lowercase words")).toBe("all lowercase words");
  });
});

describe("strict objects", () => {
  it("reject unknown keys such as role or organisationId", () => {
    const schema = z.strictObject({ name: text({ max: 10 }) });
    const result = schema.safeParse({ name: "Anna", role: "ADMIN" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });
});

describe("parseValidationMessage", () => {
  it("splits key and parameters", () => {
    expect(parseValidationMessage("tooShort?min=12")).toEqual({
      key: "tooShort",
      params: { min: "12" },
    });
    expect(parseValidationMessage("required")).toEqual({ key: "required", params: {} });
  });
});

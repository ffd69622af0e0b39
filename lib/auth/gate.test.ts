import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { authorize, type Caller } from "./gate";

const partner: Caller = {
  userId: "u1",
  sessionId: "s1",
  role: "PARTNER",
  organisationId: "o1",
  email: "p@example.eu",
  name: "P",
  locale: "en",
};

function codeOf(fn: () => unknown) {
  try {
    fn();
    return "OK";
  } catch (error) {
    return error instanceof AppError ? error.code : "OTHER";
  }
}

describe("authorize", () => {
  it("refuses anonymous callers", () => {
    expect(codeOf(() => authorize(null))).toBe("UNAUTHENTICATED");
  });

  it("refuses a partner on official and admin rules", () => {
    expect(codeOf(() => authorize(partner, { roles: ["OFFICIAL", "ADMIN"] }))).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(partner, { roles: ["ADMIN"] }))).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(partner, { roles: ["PARTNER"] }))).toBe("OK");
  });

  it("requires an organisation when the rule says so", () => {
    expect(
      codeOf(() => authorize({ ...partner, organisationId: null }, { organisation: true })),
    ).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(partner, { organisation: true }))).toBe("OK");
  });
});

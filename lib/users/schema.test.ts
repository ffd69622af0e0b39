import { describe, expect, it } from "vitest";
import { changeUserRoleSchema, parseUserFilter, setUserStatusSchema } from "./schema";

describe("setUserStatusSchema", () => {
  it("takes a user id and a status, nothing else", () => {
    expect(setUserStatusSchema.parse({ userId: "u_1", status: "DISABLED" })).toEqual({
      userId: "u_1",
      status: "DISABLED",
    });
    expect(setUserStatusSchema.safeParse({ userId: "u_1", status: "DELETED" }).success).toBe(false);
    const smuggled = setUserStatusSchema.safeParse({
      userId: "u_1",
      status: "ACTIVE",
      role: "ADMIN",
    });
    expect(smuggled.success).toBe(false);
    expect(smuggled.error?.issues.map((i) => i.code)).toContain("unrecognized_keys");
  });
});

describe("changeUserRoleSchema", () => {
  it("allows only the staff roles", () => {
    expect(changeUserRoleSchema.parse({ userId: "u_1", role: "ADMIN" })).toEqual({
      userId: "u_1",
      role: "ADMIN",
    });
    expect(changeUserRoleSchema.parse({ userId: "u_1", role: "OFFICIAL" }).role).toBe("OFFICIAL");
    const partner = changeUserRoleSchema.safeParse({ userId: "u_1", role: "PARTNER" });
    expect(partner.error?.issues[0]).toMatchObject({ path: ["role"], message: "invalid" });
  });

  it("refuses an organisation smuggled in", () => {
    const result = changeUserRoleSchema.safeParse({
      userId: "u_1",
      role: "ADMIN",
      organisationId: "o_1",
    });
    expect(result.error?.issues.map((i) => i.code)).toContain("unrecognized_keys");
  });
});

describe("parseUserFilter", () => {
  it("reads role, status, search and page from the address", () => {
    expect(
      parseUserFilter({ role: "OFFICIAL", status: "ACTIVE", q: "  wang ", page: "3" }),
    ).toEqual({
      role: "OFFICIAL",
      status: "ACTIVE",
      q: "wang",
      page: 3,
    });
  });

  it("falls back to no filter for values it does not know", () => {
    expect(parseUserFilter({ role: "ROOT", status: "", q: "   ", page: "-2", other: "x" })).toEqual(
      {
        role: undefined,
        status: undefined,
        q: undefined,
        page: undefined,
      },
    );
    expect(parseUserFilter({ page: "abc" }).page).toBeUndefined();
    expect(parseUserFilter({ role: ["ADMIN", "PARTNER"] }).role).toBe("ADMIN");
    expect(parseUserFilter({ q: "x".repeat(500) }).q).toHaveLength(100);
  });
});

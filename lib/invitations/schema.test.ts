import { describe, expect, it } from "vitest";
import {
  acceptInvitationSchema,
  inviteColleagueSchema,
  inviteStaffSchema,
  revokeInvitationSchema,
} from "./schema";
import { invitationState } from "./state";

const issues = (result: {
  success: boolean;
  error?: { issues: Array<{ code: string; path: PropertyKey[]; message: string }> };
}) =>
  result.success
    ? []
    : result.error!.issues.map((i) => ({
        code: i.code,
        path: i.path.join("."),
        message: i.message,
      }));

describe("inviteColleagueSchema", () => {
  it("takes only an address, normalised", () => {
    expect(inviteColleagueSchema.parse({ email: "  Colleague@Example.EU " })).toEqual({
      email: "colleague@example.eu",
    });
  });

  it("refuses an organisation or a role smuggled into the form", () => {
    for (const extra of [{ organisationId: "org_1" }, { role: "ADMIN" }, { invitedById: "u_1" }]) {
      const result = inviteColleagueSchema.safeParse({ email: "a@example.eu", ...extra });
      expect(issues(result).map((i) => i.code)).toContain("unrecognized_keys");
    }
  });

  it("refuses what is not an address", () => {
    expect(issues(inviteColleagueSchema.safeParse({ email: "not an address" }))).toEqual([
      expect.objectContaining({ path: "email", message: "email" }),
    ]);
  });
});

describe("inviteStaffSchema", () => {
  it("accepts officials and admins, in either language", () => {
    expect(
      inviteStaffSchema.parse({ email: "W@Example.cn", role: "OFFICIAL", locale: "zh" }),
    ).toEqual({
      email: "w@example.cn",
      role: "OFFICIAL",
      locale: "zh",
    });
    expect(
      inviteStaffSchema.safeParse({ email: "a@example.eu", role: "ADMIN", locale: "en" }).success,
    ).toBe(true);
  });

  it("refuses the partner role, other languages and an organisation", () => {
    expect(
      issues(inviteStaffSchema.safeParse({ email: "a@example.eu", role: "PARTNER", locale: "en" })),
    ).toEqual([expect.objectContaining({ path: "role", message: "invalid" })]);
    expect(
      inviteStaffSchema.safeParse({ email: "a@example.eu", role: "ADMIN", locale: "fr" }).success,
    ).toBe(false);
    expect(
      issues(
        inviteStaffSchema.safeParse({
          email: "a@example.eu",
          role: "ADMIN",
          locale: "en",
          organisationId: "o",
        }),
      ).map((i) => i.code),
    ).toContain("unrecognized_keys");
  });
});

describe("revokeInvitationSchema", () => {
  it("takes an id and nothing else", () => {
    expect(revokeInvitationSchema.parse({ invitationId: "cm0abc_12-3" })).toEqual({
      invitationId: "cm0abc_12-3",
    });
    expect(revokeInvitationSchema.safeParse({ invitationId: "x'; DROP" }).success).toBe(false);
    expect(
      revokeInvitationSchema.safeParse({ invitationId: "abc", organisationId: "o" }).success,
    ).toBe(false);
  });
});

describe("acceptInvitationSchema", () => {
  const valid = {
    token: "A".repeat(43),
    locale: "en",
    name: "  Ada Lovelace ",
    password: "violet tractor harbour",
    confirm: "violet tractor harbour",
  };

  it("accepts a name and a confirmed password of 12 or more characters", () => {
    expect(acceptInvitationSchema.parse(valid)).toMatchObject({ name: "Ada Lovelace" });
  });

  it("refuses short passwords and mismatched confirmations", () => {
    expect(
      issues(acceptInvitationSchema.safeParse({ ...valid, password: "short", confirm: "short" })),
    ).toEqual([expect.objectContaining({ path: "password", message: "passwordTooShort?min=12" })]);
    expect(
      issues(acceptInvitationSchema.safeParse({ ...valid, confirm: "something else" })),
    ).toEqual([expect.objectContaining({ path: "confirm", message: "passwordMismatch" })]);
  });

  it("refuses a role, an organisation or an email smuggled in", () => {
    for (const extra of [
      { role: "ADMIN" },
      { organisationId: "o" },
      { email: "other@example.eu" },
    ]) {
      expect(
        issues(acceptInvitationSchema.safeParse({ ...valid, ...extra })).map((i) => i.code),
      ).toContain("unrecognized_keys");
    }
  });

  it("refuses malformed tokens", () => {
    expect(acceptInvitationSchema.safeParse({ ...valid, token: "short" }).success).toBe(false);
    expect(
      acceptInvitationSchema.safeParse({ ...valid, token: `${"A".repeat(40)}/..` }).success,
    ).toBe(false);
  });
});

describe("invitationState", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  const base = { acceptedAt: null, revokedAt: null, expiresAt: new Date("2026-03-08T12:00:00Z") };

  it("names why a link cannot be used, acceptance first", () => {
    expect(invitationState(null, now)).toBe("unknown");
    expect(invitationState(base, now)).toBe("valid");
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(invitationState({ ...base, revokedAt: now }, now)).toBe("revoked");
    expect(invitationState({ ...base, acceptedAt: now, revokedAt: now }, now)).toBe("used");
  });
});

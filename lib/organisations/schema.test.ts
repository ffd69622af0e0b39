import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  capabilitiesStepSchema,
  consentStepSchema,
  organisationStepSchema,
  profileSchema,
} from "./schema";

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join(".") || i.code, i.message]));
};

const details = {
  name: "  Nordlac Cultures ApS ",
  type: "SME",
  country: "DK",
  city: "Aarhus",
  website: "https://nordlac-dairy.example",
  sizeBand: "SMALL",
  description: "Nordlac selects, grows and freeze-dries lactic acid bacteria. ".repeat(3),
};

const capabilities = {
  themeIds: ["theme_1", "theme_2"],
  keywords: ["starter cultures", "kefir"],
  trlMin: "4",
  trlMax: "7",
  cooperationTypes: ["JOINT_RD"],
  partnerTypes: ["UNIVERSITY"],
  languages: ["en", "da"],
};

describe("organisationStepSchema", () => {
  it("accepts a complete step and trims text", () => {
    const parsed = organisationStepSchema.parse(details);
    expect(parsed.name).toBe("Nordlac Cultures ApS");
    expect(parsed.country).toBe("DK");
  });

  it("rejects unknown keys such as an organisation id or a role", () => {
    for (const extra of [{ organisationId: "org_1" }, { role: "ADMIN" }, { id: "x" }]) {
      const result = organisationStepSchema.safeParse({ ...details, ...extra });
      expect(result.success).toBe(false);
      expect(result.error?.issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
    }
  });

  it("bounds the description to 100–3,000 characters", () => {
    expect(messages(organisationStepSchema, { ...details, description: "a".repeat(99) })).toEqual({
      description: "tooShort?min=100",
    });
    expect(
      organisationStepSchema.safeParse({ ...details, description: "a".repeat(100) }).success,
    ).toBe(true);
    expect(
      organisationStepSchema.safeParse({ ...details, description: "a".repeat(3000) }).success,
    ).toBe(true);
    expect(messages(organisationStepSchema, { ...details, description: "a".repeat(3001) })).toEqual(
      { description: "tooLong?max=3000" },
    );
    // Padding with spaces does not count.
    expect(
      messages(organisationStepSchema, { ...details, description: `  ${"a".repeat(99)}   ` }),
    ).toEqual({ description: "tooShort?min=100" });
  });

  it("keeps line breaks in the description", () => {
    const description = `${"a".repeat(60)}\n\n${"b".repeat(60)}`;
    expect(organisationStepSchema.parse({ ...details, description }).description).toBe(description);
  });

  it("accepts http(s) websites only, and no website at all", () => {
    for (const website of ["javascript:alert(1)", "ftp://nordlac.example", "nordlac", "data:x"]) {
      expect(messages(organisationStepSchema, { ...details, website })).toEqual({ website: "url" });
    }
    expect(organisationStepSchema.parse({ ...details, website: "" }).website).toBeUndefined();
    expect(
      organisationStepSchema.parse({ ...details, website: undefined }).website,
    ).toBeUndefined();
    expect(
      organisationStepSchema.parse({ ...details, website: "http://nordlac.example" }).website,
    ).toBe("http://nordlac.example");
  });

  it("allows only the listed countries", () => {
    expect(organisationStepSchema.safeParse({ ...details, country: "GB" }).success).toBe(true);
    expect(organisationStepSchema.safeParse({ ...details, country: "UA" }).success).toBe(true);
    for (const country of ["US", "CN", "dk", ""]) {
      expect(messages(organisationStepSchema, { ...details, country })).toEqual({
        country: "required",
      });
    }
  });

  it("requires type, size band and city", () => {
    expect(
      messages(organisationStepSchema, { ...details, type: "", sizeBand: "HUGE", city: " " }),
    ).toEqual({ type: "required", sizeBand: "required", city: "required" });
  });
});

describe("capabilitiesStepSchema", () => {
  it("accepts a complete step, coercing the TRL levels", () => {
    const parsed = capabilitiesStepSchema.parse(capabilities);
    expect(parsed).toMatchObject({ trlMin: 4, trlMax: 7, languages: ["en", "da"] });
  });

  it("rejects unknown keys", () => {
    const result = capabilitiesStepSchema.safeParse({ ...capabilities, organisationId: "org_1" });
    expect(result.error?.issues.map((i) => i.code)).toContain("unrecognized_keys");
  });

  it("requires the lowest TRL not to exceed the highest", () => {
    expect(messages(capabilitiesStepSchema, { ...capabilities, trlMin: "8", trlMax: "3" })).toEqual(
      { trlMax: "trlOrder" },
    );
    expect(
      capabilitiesStepSchema.safeParse({ ...capabilities, trlMin: 5, trlMax: 5 }).success,
    ).toBe(true);
  });

  it("bounds TRL levels to 1–9 and takes both ends or neither", () => {
    expect(messages(capabilitiesStepSchema, { ...capabilities, trlMin: "0" })).toEqual({
      trlMin: "trl",
    });
    expect(messages(capabilitiesStepSchema, { ...capabilities, trlMax: "10" })).toEqual({
      trlMax: "trl",
    });
    expect(messages(capabilitiesStepSchema, { ...capabilities, trlMax: "" })).toEqual({
      trlMax: "required",
    });
    const none = capabilitiesStepSchema.parse({ ...capabilities, trlMin: "", trlMax: "" });
    expect(none.trlMin).toBeUndefined();
    expect(none.trlMax).toBeUndefined();
  });

  it("takes 0–30 keywords of 2–60 characters, without repeats", () => {
    expect(capabilitiesStepSchema.safeParse({ ...capabilities, keywords: [] }).success).toBe(true);
    const thirty = Array.from({ length: 30 }, (_, i) => `keyword ${i}`);
    expect(capabilitiesStepSchema.safeParse({ ...capabilities, keywords: thirty }).success).toBe(
      true,
    );
    expect(
      capabilitiesStepSchema.safeParse({ ...capabilities, keywords: [...thirty, "one more"] })
        .success,
    ).toBe(false);
    expect(messages(capabilitiesStepSchema, { ...capabilities, keywords: ["k"] })).toEqual({
      "keywords.0": "tooShort?min=2",
    });
    expect(
      messages(capabilitiesStepSchema, { ...capabilities, keywords: ["k".repeat(61)] }),
    ).toEqual({ "keywords.0": "tooLong?max=60" });
    expect(
      capabilitiesStepSchema.parse({ ...capabilities, keywords: [" Kefir ", "kefir", "乳业"] })
        .keywords,
    ).toEqual(["Kefir", "乳业"]);
  });

  it("accepts only known enum values and language codes", () => {
    expect(
      capabilitiesStepSchema.safeParse({ ...capabilities, cooperationTypes: ["BRIBERY"] }).success,
    ).toBe(false);
    expect(
      capabilitiesStepSchema.safeParse({ ...capabilities, partnerTypes: ["ALIEN"] }).success,
    ).toBe(false);
    expect(capabilitiesStepSchema.safeParse({ ...capabilities, languages: ["xx"] }).success).toBe(
      false,
    );
    expect(capabilitiesStepSchema.safeParse({ ...capabilities, themeIds: ["a b"] }).success).toBe(
      false,
    );
  });
});

describe("consentStepSchema", () => {
  it("needs both boxes ticked", () => {
    expect(
      consentStepSchema.safeParse({ acceptPrivacyNotice: true, visibleToOfficials: true }).success,
    ).toBe(true);
    expect(
      messages(consentStepSchema, { acceptPrivacyNotice: true, visibleToOfficials: false }),
    ).toEqual({ visibleToOfficials: "consent" });
    expect(messages(consentStepSchema, {})).toEqual({
      acceptPrivacyNotice: "consent",
      visibleToOfficials: "consent",
    });
    expect(
      consentStepSchema.safeParse({ acceptPrivacyNotice: "on", visibleToOfficials: "on" }).success,
    ).toBe(false);
  });

  it("rejects unknown keys", () => {
    expect(
      consentStepSchema.safeParse({
        acceptPrivacyNotice: true,
        visibleToOfficials: true,
        consentedById: "user_1",
      }).success,
    ).toBe(false);
  });
});

describe("profileSchema", () => {
  it("combines both steps with their rules", () => {
    expect(profileSchema.safeParse({ ...details, ...capabilities }).success).toBe(true);
    expect(messages(profileSchema, { ...details, ...capabilities, trlMin: 9, trlMax: 1 })).toEqual({
      trlMax: "trlOrder",
    });
    expect(
      profileSchema.safeParse({ ...details, ...capabilities, organisationId: "org_1" }).success,
    ).toBe(false);
    expect(messages(profileSchema, { ...details, ...capabilities, description: "short" })).toEqual({
      description: "tooShort?min=100",
    });
  });
});

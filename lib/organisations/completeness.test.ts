import { describe, expect, it } from "vitest";
import { type CompletenessInput, profileCompleteness, WEIGHTS } from "./completeness";

const complete: CompletenessInput = {
  description: "d".repeat(300),
  keywords: ["a1", "b2", "c3", "d4", "e5"],
  themeCount: 2,
  trlMin: 3,
  trlMax: 6,
  cooperationTypes: ["JOINT_RD"],
  partnerTypes: ["UNIVERSITY"],
  languages: ["en"],
  website: "https://example.eu",
  city: "Aarhus",
  sizeBand: "SMALL",
};

const empty: CompletenessInput = {
  description: null,
  keywords: [],
  themeCount: 0,
  trlMin: null,
  trlMax: null,
  cooperationTypes: [],
  partnerTypes: [],
  languages: [],
  website: null,
  city: null,
  sizeBand: null,
};

describe("profileCompleteness", () => {
  it("weights add up to 100", () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("is 100% with nothing to add for a complete profile", () => {
    expect(profileCompleteness(complete)).toEqual({ percent: 100, items: [] });
  });

  it("is 0% with every item missing, most important first", () => {
    const result = profileCompleteness(empty);
    expect(result.percent).toBe(0);
    expect(result.items.map((i) => i.key)).toEqual([
      "themes",
      "description",
      "keywords",
      "trl",
      "cooperationTypes",
      "partnerTypes",
      "languages",
      "website",
      "city",
      "sizeBand",
    ]);
    expect(result.items.every((i) => i.status === "missing")).toBe(true);
  });

  it("calls a description under 300 characters weak, and counts it half", () => {
    const result = profileCompleteness({ ...complete, description: "d".repeat(299) });
    expect(result.items).toEqual([{ key: "description", status: "weak", count: 299, min: 300 }]);
    expect(result.percent).toBe(90);
  });

  it("calls fewer than five keywords weak and none missing", () => {
    expect(profileCompleteness({ ...complete, keywords: ["a1", "b2"] }).items).toEqual([
      { key: "keywords", status: "weak", count: 2, min: 5 },
    ]);
    const none = profileCompleteness({ ...complete, keywords: [] });
    expect(none.items).toEqual([{ key: "keywords", status: "missing" }]);
    expect(none.percent).toBe(85);
  });

  it("needs both ends of the TRL range", () => {
    expect(profileCompleteness({ ...complete, trlMax: null }).items).toEqual([
      { key: "trl", status: "missing" },
    ]);
  });

  it("reports missing themes, cooperation types, languages and website", () => {
    const result = profileCompleteness({
      ...complete,
      themeCount: 0,
      cooperationTypes: [],
      languages: [],
      website: "  ",
    });
    expect(result.items.map((i) => i.key)).toEqual([
      "themes",
      "cooperationTypes",
      "languages",
      "website",
    ]);
    expect(result.percent).toBe(100 - 20 - 10 - 5 - 5);
  });
});

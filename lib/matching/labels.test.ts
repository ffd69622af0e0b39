import { describe, expect, it } from "vitest";
import { conceptLabel, parseExplanation, scoreBand } from "./labels";
import { type MatchOrganisation, type MatchTarget, SCORE_FLOOR, scoreMatch } from "./score";

const themeNames = new Map([["dairy", { en: "Dairy", zh: "乳业" }]]);

describe("conceptLabel", () => {
  it("names thesaurus concepts and theme concepts in both languages", () => {
    expect(conceptLabel("herd-health", "en", themeNames)).toBe("Herd health");
    expect(conceptLabel("herd-health", "zh", themeNames)).toBe("牛群健康");
    expect(conceptLabel("theme:dairy", "en", themeNames)).toBe("Dairy");
    expect(conceptLabel("theme:dairy", "zh", themeNames)).toBe("乳业");
  });

  it("shows an unknown id as it is instead of throwing", () => {
    expect(conceptLabel("no-such-concept", "en", themeNames)).toBe("no-such-concept");
    expect(conceptLabel("theme:gone", "zh", themeNames)).toBe("gone");
  });
});

describe("scoreBand", () => {
  it("puts a word on every score, and a missing score is weak", () => {
    expect([null, 20, SCORE_FLOOR, 49, 50, 69, 70, 100].map(scoreBand)).toEqual([
      "weak",
      "weak",
      "fair",
      "fair",
      "good",
      "good",
      "strong",
      "strong",
    ]);
  });
});

describe("parseExplanation", () => {
  it("reads what the engine stores", () => {
    const org: MatchOrganisation = {
      type: "SME",
      themeSlugs: [],
      trlMin: 2,
      trlMax: 3,
      cooperationTypes: ["JOINT_RD"],
      languages: ["de"],
      lastConfirmedAt: null,
      concepts: new Map([["herd-health", ["udder health"]]]),
    };
    const target: MatchTarget = {
      kind: "OPPORTUNITY",
      themeSlug: "dairy",
      concepts: new Map([
        ["herd-health", 1],
        ["dairy-industry", 1],
      ]),
      cooperationTypes: ["JOINT_RD"],
      partnerTypes: [],
      trlMin: 4,
      trlMax: 6,
    };
    const result = scoreMatch(org, target, 0.1, new Date("2026-01-01T00:00:00Z"));
    // What lib/matching/engine.ts writes into MatchScore.explanation.
    const stored = JSON.parse(
      JSON.stringify({
        factors: result.factors,
        concepts: result.concepts,
        nearMisses: result.nearMisses,
      }),
    );
    const parsed = parseExplanation(stored);
    expect(parsed.factors).toEqual(result.factors);
    expect(parsed.concepts).toEqual(result.concepts);
    expect(parsed.nearMisses).toEqual(result.nearMisses);
    expect(parsed.nearMisses.map((m) => m.key)).toContain("trlBelow");
    expect(parsed.nearMisses.find((m) => m.key === "trlBelow")).toMatchObject({
      orgMin: 2,
      orgMax: 3,
      min: 4,
      max: 6,
    });
    // Its text parses the same.
    expect(parseExplanation(JSON.stringify(stored))).toEqual(parsed);
  });

  it("never throws: anything that is not an explanation is empty", () => {
    const empty = { factors: [], gate: 1, concepts: [], nearMisses: [] };
    for (const value of [null, undefined, 42, "not json{", "[]", [], true, { factors: "x" }]) {
      expect(parseExplanation(value)).toEqual(empty);
    }
  });

  it("drops only the items that do not parse", () => {
    const parsed = parseExplanation({
      factors: [
        { key: "concepts", points: 30, max: 40 },
        { key: "unknownFactor", points: 1, max: 2 },
        { key: "trl", points: "many", max: 8 },
        { key: "text", points: 3, max: 0 },
        null,
      ],
      concepts: [
        { id: "herd-health", weight: 1, terms: ["udder health"] },
        { id: "", weight: 1, terms: [] },
        { id: "dairy-industry", weight: "heavy", terms: "dairy" },
        "herd-health",
      ],
      nearMisses: [
        { key: "stale", gain: 2 },
        { key: "becomeFamous", gain: 50 },
        { key: "trlBelow", gain: 4, orgMin: 1 },
        { key: "declareTheme", gain: 15 },
        { key: "language", gain: 0 },
        { key: "cooperationMismatch", gain: 10, sought: ["JOINT_RD", 7] },
      ],
    });
    expect(parsed.factors).toEqual([{ key: "concepts", points: 30, max: 40 }]);
    // A bad weight or term list falls back rather than losing the concept.
    expect(parsed.concepts).toEqual([
      { id: "herd-health", weight: 1, terms: ["udder health"] },
      { id: "dairy-industry", weight: 1, terms: [] },
    ]);
    // Largest gain first; no zero gains; a malformed list of types becomes empty.
    expect(parsed.nearMisses).toEqual([
      { key: "declareTheme", gain: 15 },
      { key: "cooperationMismatch", gain: 10, sought: [] },
      { key: "stale", gain: 2 },
    ]);
  });
});

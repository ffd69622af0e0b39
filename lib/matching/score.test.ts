import { describe, expect, it } from "vitest";
import { type MatchOrganisation, type MatchTarget, SCORE_FLOOR, scoreMatch } from "./score";

const now = new Date("2026-11-28T00:00:00Z");

const org = (overrides: Partial<MatchOrganisation> = {}): MatchOrganisation => ({
  type: "UNIVERSITY",
  themeSlugs: [],
  trlMin: 3,
  trlMax: 6,
  cooperationTypes: ["JOINT_RD"],
  languages: ["en"],
  lastConfirmedAt: new Date("2026-10-01T00:00:00Z"),
  concepts: new Map(),
  ...overrides,
});

const opportunity: MatchTarget = {
  kind: "OPPORTUNITY",
  themeSlug: "dairy",
  concepts: new Map([
    ["probiotics", 1],
    ["starter-cultures", 0.9],
    ["cold-chain", 0.4],
  ]),
  cooperationTypes: ["JOINT_RD", "TECHNOLOGY_TRANSFER"],
  partnerTypes: ["UNIVERSITY", "RESEARCH_INSTITUTE"],
  trlMin: 4,
  trlMax: 6,
};

const theme: MatchTarget = {
  ...opportunity,
  kind: "THEME",
  cooperationTypes: [],
  partnerTypes: [],
  trlMin: null,
  trlMax: null,
};

describe("scoreMatch", () => {
  it("is deterministic and adds up its factors", () => {
    const o = org({
      concepts: new Map([["probiotics", ["lactobacillus"]]]),
      themeSlugs: ["dairy"],
    });
    const a = scoreMatch(o, opportunity, 0.1, now);
    const b = scoreMatch(o, opportunity, 0.1, now);
    expect(a).toEqual(b);
    const sum = a.factors.reduce((s, f) => s + f.points, 0);
    expect(Math.abs(sum - a.score)).toBeLessThanOrEqual(1);
    expect(a.factors.reduce((s, f) => s + f.max, 0)).toBeCloseTo(100, 0);
  });

  it("reports the matched concepts with the organisation's words", () => {
    const result = scoreMatch(
      org({ concepts: new Map([["probiotics", ["lactobacillus", "益生菌"]]]) }),
      opportunity,
      0,
      now,
    );
    expect(result.concepts).toEqual([
      { id: "probiotics", weight: 1, terms: ["lactobacillus", "益生菌"] },
    ]);
  });

  it("ranks more shared concepts higher", () => {
    const one = scoreMatch(
      org({ concepts: new Map([["probiotics", ["x"]]]) }),
      opportunity,
      0,
      now,
    ).score;
    const two = scoreMatch(
      org({
        concepts: new Map([
          ["probiotics", ["x"]],
          ["starter-cultures", ["y"]],
        ]),
      }),
      opportunity,
      0,
      now,
    ).score;
    expect(two).toBeGreaterThan(one);
  });

  it("explains a TRL below the range sought", () => {
    const result = scoreMatch(org({ trlMin: 2, trlMax: 3 }), opportunity, 0, now);
    expect(result.nearMisses).toContainEqual(
      expect.objectContaining({ key: "trlBelow", orgMin: 2, orgMax: 3, min: 4, max: 6 }),
    );
  });

  it("suggests declaring the theme, and the core concepts missing", () => {
    const result = scoreMatch(org(), opportunity, 0, now);
    const keys = result.nearMisses.map((m) => m.key);
    expect(keys).toContain("declareTheme");
    expect(result.nearMisses.find((m) => m.key === "missingConcepts")).toMatchObject({
      concepts: ["probiotics", "starter-cultures"],
    });
  });

  it("flags cooperation and partner-type mismatches", () => {
    const result = scoreMatch(
      org({ type: "SME", cooperationTypes: ["TRADE_DISTRIBUTION"] }),
      opportunity,
      0,
      now,
    );
    const keys = result.nearMisses.map((m) => m.key);
    expect(keys).toContain("cooperationMismatch");
    expect(keys).toContain("partnerType");
  });

  it("ranks an organisation that gives only a description by its text", () => {
    const imported = org({
      trlMin: null,
      trlMax: null,
      cooperationTypes: [],
      languages: [],
      lastConfirmedAt: null,
      concepts: new Map([
        ["probiotics", ["probiotic"]],
        ["starter-cultures", ["starter culture"]],
      ]),
    });
    const result = scoreMatch(imported, opportunity, 0.2, now);
    expect(result.score).toBeGreaterThanOrEqual(SCORE_FLOOR);
    expect(
      scoreMatch({ ...imported, concepts: new Map() }, opportunity, 0, now).score,
    ).toBeLessThan(SCORE_FLOOR);
  });

  it("keeps every pair without text signal or declared theme below the floor", () => {
    const best = org({
      type: "UNIVERSITY",
      languages: ["zh"],
      trlMin: 4,
      trlMax: 6,
      lastConfirmedAt: now,
      cooperationTypes: ["JOINT_RD"],
    });
    expect(scoreMatch(best, opportunity, 0, now).score).toBeLessThan(SCORE_FLOOR);
    expect(scoreMatch(best, theme, 0, now).score).toBeLessThan(SCORE_FLOOR);
  });

  it("scales theme scores to 100 over the factors that apply to themes", () => {
    const perfect = org({
      themeSlugs: ["dairy"],
      languages: ["zh"],
      lastConfirmedAt: now,
      concepts: new Map([
        ["probiotics", ["a"]],
        ["starter-cultures", ["b"]],
        ["cold-chain", ["c"]],
      ]),
    });
    const result = scoreMatch(
      perfect,
      {
        ...theme,
        concepts: new Map([
          ["probiotics", 1],
          ["starter-cultures", 1],
          ["cold-chain", 1],
          ["whey", 1],
          ["cheese", 1],
        ]),
      },
      1,
      now,
    );
    expect(result.factors.map((f) => f.key)).toEqual([
      "concepts",
      "text",
      "declaredTheme",
      "language",
      "freshness",
    ]);
    expect(result.score).toBeGreaterThan(80);
    expect(result.score).toBeLessThanOrEqual(100);
  });
});

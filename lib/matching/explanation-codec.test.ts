import { describe, expect, it } from "vitest";
import { decodeExplanation, encodeExplanation } from "./explanation-codec";
import { parseExplanation } from "./labels";
import { type MatchOrganisation, type MatchTarget, scoreMatch } from "./score";

const now = new Date("2026-11-28T00:00:00Z");

const opportunity: MatchTarget = {
  kind: "OPPORTUNITY",
  themeSlug: "dairy",
  concepts: new Map([
    ["probiotics", 1],
    ["starter-cultures", 0.9],
    ["cold-chain", 0.4],
    ["cheese", 0.8],
  ]),
  cooperationTypes: ["JOINT_RD"],
  partnerTypes: ["RESEARCH_INSTITUTE"],
  trlMin: 4,
  trlMax: 6,
};
const theme: MatchTarget = {
  ...opportunity,
  kind: "THEME",
  cooperationTypes: [],
  partnerTypes: [],
};

describe("the stored explanation", () => {
  it("reads back exactly what the engine computed, for every kind of near miss", () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const org: MatchOrganisation = {
        type: random() < 0.5 ? "SME" : "RESEARCH_INSTITUTE",
        themeSlugs: random() < 0.3 ? ["dairy"] : [],
        trlMin: random() < 0.2 ? null : 1 + Math.floor(random() * 8),
        trlMax: 9,
        cooperationTypes:
          random() < 0.3 ? [] : random() < 0.5 ? ["JOINT_RD"] : ["CONSULTANCY_SERVICES"],
        languages: random() < 0.3 ? ["zh"] : random() < 0.5 ? ["de"] : [],
        lastConfirmedAt: random() < 0.5 ? now : new Date("2024-01-01T00:00:00Z"),
        concepts: new Map(
          ["probiotics", "cold-chain", "whey"]
            .filter(() => random() < 0.5)
            .map((id) => [id, [`${id} term`, "其他"]]),
        ),
      };
      if (org.trlMin !== null && org.trlMin > 7) org.trlMax = org.trlMin;
      else if (org.trlMin !== null && random() < 0.4) org.trlMax = org.trlMin;
      const result = scoreMatch(org, random() < 0.5 ? opportunity : theme, random() * 0.3, now);
      const { score: _score, ...explained } = result;
      const stored = JSON.parse(encodeExplanation(explained));
      expect(parseExplanation(stored)).toEqual(parseExplanation(explained));
      expect(parseExplanation(stored)).toEqual({
        ...explained,
        nearMisses: [...explained.nearMisses].sort((a, b) => b.gain - a.gain),
      });
      for (const miss of explained.nearMisses) seen.add(miss.key);
    }
    // The sample covers every near miss the engine can give.
    expect([...seen].sort()).toEqual(
      [
        "cooperationMismatch",
        "cooperationUnknown",
        "declareTheme",
        "language",
        "missingConcepts",
        "partnerType",
        "stale",
        "trlAbove",
        "trlBelow",
        "trlUnknown",
      ].sort(),
    );
  });

  it("is much smaller than the readable objects", () => {
    const org: MatchOrganisation = {
      type: "SME",
      themeSlugs: [],
      trlMin: 1,
      trlMax: 2,
      cooperationTypes: ["CONSULTANCY_SERVICES"],
      languages: ["en"],
      lastConfirmedAt: new Date("2025-06-01T00:00:00Z"),
      concepts: new Map([["probiotics", ["probiotic strains"]]]),
    };
    const { score: _score, ...explained } = scoreMatch(org, opportunity, 0.1, now);
    expect(encodeExplanation(explained).length).toBeLessThan(JSON.stringify(explained).length / 2);
  });

  it("is not mistaken for something else", () => {
    expect(decodeExplanation({ factors: [] })).toBeNull();
    expect(decodeExplanation([1, 0.5])).toBeNull();
    expect(parseExplanation([2, "x", "y"]).factors).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import {
  fitTotal,
  type MatchOrganisation,
  type MatchTarget,
  SCORE_FLOOR,
  scoreBound,
  scoreMatch,
} from "./score";

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
    const result = scoreMatch(
      org({ trlMin: 2, trlMax: 3, concepts: new Map([["probiotics", ["probiotic"]]]) }),
      opportunity,
      0,
      now,
    );
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
      org({
        type: "SME",
        cooperationTypes: ["TRADE_DISTRIBUTION"],
        concepts: new Map([["probiotics", ["probiotic"]]]),
      }),
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

  const perfectFit = org({
    type: "UNIVERSITY",
    languages: ["zh"],
    trlMin: 4,
    trlMax: 6,
    lastConfirmedAt: now,
    cooperationTypes: ["JOINT_RD"],
  });

  it("gives a perfect fit without anything in common on the subject nothing", () => {
    const result = scoreMatch(perfectFit, opportunity, 0, now);
    expect(result.score).toBe(0);
    expect(result.gate).toBe(0);
    expect(result.factors.every((f) => f.points === 0)).toBe(true);
  });

  it("counts fit in proportion to topical relevance", () => {
    const peripheral = scoreMatch(
      { ...perfectFit, concepts: new Map([["cold-chain", ["cold chain"]]]) },
      opportunity,
      0,
      now,
    );
    const core = scoreMatch(
      { ...perfectFit, concepts: new Map([["probiotics", ["probiotic"]]]) },
      opportunity,
      0,
      now,
    );
    expect(peripheral.gate).toBeLessThan(core.gate);
    // One peripheral concept is not a match however good the fit; one core concept with a good fit is.
    expect(peripheral.score).toBeLessThan(SCORE_FLOOR);
    expect(core.score).toBeGreaterThanOrEqual(SCORE_FLOOR);
    const fitFactors = (r: typeof core) =>
      r.factors.filter((f) => !["concepts", "text", "declaredTheme"].includes(f.key));
    for (const f of fitFactors(core)) expect(f.points).toBeCloseTo(f.max * core.gate, 0);
  });

  it("reports a near miss's real gain, through the gate", () => {
    const o = { ...perfectFit, concepts: new Map([["cold-chain", ["cold chain"]]]) };
    const result = scoreMatch(o, opportunity, 0, now);
    const declare = result.nearMisses.find((m) => m.key === "declareTheme")!;
    const after = scoreMatch({ ...o, themeSlugs: ["dairy"] }, opportunity, 0, now);
    expect(Math.abs(result.score + declare.gain - after.score)).toBeLessThanOrEqual(1);
  });

  it("keeps a full-text match alone, without concept or declared theme, below the floor", () => {
    // The rebuild finds candidates through concepts and declared themes only (engine.ts).
    for (const kind of ["THEME", "OPPORTUNITY"] as const)
      expect(scoreBound(kind, 0, 1, false)).toBeLessThan(SCORE_FLOOR);
  });

  it("never bounds a pair below its real score", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const ids = ["probiotics", "starter-cultures", "cold-chain", "whey"];
    let tight = 0;
    for (let i = 0; i < 2000; i++) {
      const concepts = new Map(ids.filter(() => random() < 0.4).map((id) => [id, [id]]));
      const o = org({
        concepts,
        themeSlugs: random() < 0.3 ? ["dairy"] : [],
        languages: random() < 0.5 ? ["zh"] : [],
        trlMin: random() < 0.2 ? null : 1 + Math.floor(random() * 6),
        trlMax: 8,
        lastConfirmedAt: random() < 0.5 ? now : null,
        type: random() < 0.5 ? "SME" : "UNIVERSITY",
      });
      const target = random() < 0.5 ? opportunity : theme;
      const rank = random() < 0.5 ? 0 : random() * 0.3;
      let overlap = 0;
      for (const id of concepts.keys()) overlap += target.concepts.get(id) ?? 0;
      const declared = o.themeSlugs.includes("dairy");
      const real = scoreMatch(o, target, rank, now).score;
      expect(scoreBound(target.kind, overlap, rank, declared)).toBeGreaterThanOrEqual(real);
      // With the pair's own fit the bound is tighter, and still never below.
      const fitted = scoreBound(target.kind, overlap, rank, declared, fitTotal(o, target, now));
      expect(fitted).toBeGreaterThanOrEqual(real);
      expect(fitted).toBeLessThanOrEqual(scoreBound(target.kind, overlap, rank, declared));
      tight += fitted - real <= 1 ? 1 : 0;
    }
    // Knowing everything, the bound is the score up to rounding: fitTotal is the score's own fit.
    expect(tight).toBe(2000);
  });
});

import { describe, expect, it } from "vitest";
import { ndcgAt, precisionAt } from "./metrics";

const relevance = new Map([
  ["a", 2],
  ["b", 1],
  ["c", 0],
]);

describe("ranking metrics", () => {
  it("nDCG is 1 for the ideal order and lower otherwise", () => {
    expect(ndcgAt(["a", "b", "c"], relevance, 3)).toBeCloseTo(1);
    expect(ndcgAt(["c", "b", "a"], relevance, 3)).toBeLessThan(0.7);
    expect(ndcgAt(["x", "y"], relevance, 2)).toBe(0);
  });

  it("precision counts relevant items in the top k", () => {
    expect(precisionAt(["a", "c", "b", "x"], relevance, 4)).toBe(0.5);
  });
});

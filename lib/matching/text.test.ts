import { describe, expect, it } from "vitest";
import { containsTerm, prepareText } from "./text";

describe("containsTerm", () => {
  const text = prepareText(
    "We culture Lactic-Acid Bacteria for yoghurt makers, run pilot hydroponics farms and a 5G testbed (IIoT).",
  );

  it("matches English terms on word boundaries, across case and punctuation", () => {
    expect(containsTerm(text, "lactic acid bacteria")).toBe(true);
    expect(containsTerm(text, "IIoT")).toBe(true);
    expect(containsTerm(text, "5G")).toBe(true);
    expect(containsTerm(text, "acid")).toBe(true);
    expect(containsTerm(text, "lactic acid bacterium")).toBe(false);
    expect(containsTerm(text, "ponics")).toBe(false);
  });

  it("accepts simple plurals of the term", () => {
    expect(containsTerm(text, "hydroponics farm")).toBe(true);
    expect(containsTerm(text, "yoghurt maker")).toBe(true);
    expect(containsTerm(prepareText("two dairies"), "dairy")).toBe(true);
  });

  it("matches Chinese terms as substrings", () => {
    const zh = prepareText("本公司专注于益生菌菌株筛选和乳酸菌发酵剂的研发。");
    expect(containsTerm(zh, "益生菌")).toBe(true);
    expect(containsTerm(zh, "发酵剂")).toBe(true);
    expect(containsTerm(zh, "保税仓")).toBe(false);
  });
});

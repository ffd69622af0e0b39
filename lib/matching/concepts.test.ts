import { describe, expect, it } from "vitest";
import { ConceptIndex } from "./concepts";
import { prepareText } from "./text";

const index = new ConceptIndex([
  {
    id: "probiotics",
    labelEn: "Probiotics",
    labelZh: "益生菌",
    themes: { dairy: 1, "life-sciences-health": 0.7 },
    en: ["probiotic", "lactic acid bacteria", "lactobacillus"],
    zh: ["益生菌", "乳酸菌"],
  },
  {
    id: "digital-twin",
    labelEn: "Digital twin",
    labelZh: "数字孪生",
    themes: { "industry-digital-economy": 1 },
    en: ["digital twin"],
    zh: ["数字孪生"],
  },
]);

describe("ConceptIndex", () => {
  it("finds concepts by synonyms and narrower terms, with the words that matched", () => {
    const hits = index.find(
      prepareText("We screen Lactobacillus strains and other lactic acid bacteria."),
    );
    expect([...hits.keys()]).toEqual(["probiotics"]);
    expect(hits.get("probiotics")?.sort()).toEqual(["lactic acid bacteria", "lactobacillus"]);
  });

  it("finds plurals and ignores partial words", () => {
    expect(index.find(prepareText("Digital twins of presses")).has("digital-twin")).toBe(true);
    expect(index.find(prepareText("a digitalised twinning programme")).size).toBe(0);
  });

  it("finds Chinese terms, so a Chinese profile meets an English one on the same concept", () => {
    const zh = index.find(prepareText("开发工厂数字孪生平台，并研究乳酸菌发酵。"));
    expect([...zh.keys()].sort()).toEqual(["digital-twin", "probiotics"]);
    expect(zh.get("probiotics")).toEqual(["乳酸菌"]);
  });
});

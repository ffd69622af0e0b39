import { describe, expect, it } from "vitest";
import { normaliseKeywords, themeKeywordsSchema } from "./schema";

const base = { themeId: "theme_1", updatedAt: "2026-01-01T00:00:00.000Z" };

function errors(input: unknown) {
  const result = themeKeywordsSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join(".") || "_", i.message]));
}

describe("normaliseKeywords", () => {
  it("splits on lines and commas (Chinese ones too), trims, and drops repeats ignoring case", () => {
    expect(
      normaliseKeywords("Dairy\n  cheese  ripening ,DAIRY\n\nprobiotics，乳业、奶酪;乳业"),
    ).toEqual(["Dairy", "cheese ripening", "probiotics", "乳业", "奶酪"]);
    expect(normaliseKeywords([" Milk ", "milk", "MILK powder"])).toEqual(["Milk", "MILK powder"]);
  });
});

describe("themeKeywordsSchema", () => {
  it("accepts text and lists, normalised", () => {
    const parsed = themeKeywordsSchema.parse({
      ...base,
      keywordsEn: "dairy\nDairy\ncheese",
      keywordsZh: ["乳业", "奶酪"],
    });
    expect(parsed.keywordsEn).toEqual(["dairy", "cheese"]);
    expect(parsed.keywordsZh).toEqual(["乳业", "奶酪"]);
    // The browser sends the parsed lists: they pass again unchanged.
    expect(themeKeywordsSchema.parse(parsed)).toEqual(parsed);
  });

  it("names the list that is wrong", () => {
    expect(errors({ ...base, keywordsEn: " \n , ", keywordsZh: "乳" })).toEqual({
      keywordsEn: "keywordsCount?min=1&max=40",
      keywordsZh: "keywordLength?keyword=%E4%B9%B3&min=2&max=60",
    });
    const many = Array.from({ length: 41 }, (_, i) => `word${i}`).join("\n");
    expect(errors({ ...base, keywordsEn: many, keywordsZh: "乳业" })).toEqual({
      keywordsEn: "keywordsCount?min=1&max=40",
    });
    expect(errors({ ...base, keywordsEn: "x".repeat(61), keywordsZh: "乳业" })).toHaveProperty(
      "keywordsEn",
    );
    expect(errors({ ...base, keywordsEn: "bad\u0007word", keywordsZh: "乳业" })).toHaveProperty(
      "keywordsEn",
    );
  });

  it("refuses unknown keys and a missing version", () => {
    expect(
      themeKeywordsSchema.safeParse({ ...base, keywordsEn: "a b", keywordsZh: "乳业", slug: "x" })
        .success,
    ).toBe(false);
    expect(
      themeKeywordsSchema.safeParse({ themeId: "t", keywordsEn: "ab", keywordsZh: "乳业" }).success,
    ).toBe(false);
  });
});

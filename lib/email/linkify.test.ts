import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("splits text around URLs and keeps every character", () => {
    const text = "Open:\n\nhttps://example.com/verify?token=a-b_c\n\nThanks.";
    const segments = linkify(text);
    expect(segments).toEqual([
      { text: "Open:\n\n", start: 0 },
      { url: "https://example.com/verify?token=a-b_c", start: 7 },
      { text: "\n\nThanks.", start: 45 },
    ]);
    expect(segments.map((s) => ("url" in s ? s.url : s.text)).join("")).toBe(text);
  });

  it("leaves sentence punctuation out of the URL", () => {
    expect(linkify("See http://a.example/x. Or (https://b.example/y)。")).toEqual([
      { text: "See ", start: 0 },
      { url: "http://a.example/x", start: 4 },
      { text: ". Or (", start: 22 },
      { url: "https://b.example/y", start: 28 },
      { text: ")。", start: 47 },
    ]);
  });

  it("ignores other schemes and text without links", () => {
    expect(linkify("javascript:alert(1) mailto:a@b.c")).toEqual([
      { text: "javascript:alert(1) mailto:a@b.c", start: 0 },
    ]);
    expect(linkify("")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { messages } from "./messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): Array<[string, string]> {
  return keys(value).map((key) => [
    key,
    key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], value) as string,
  ]);
}

describe("message files", () => {
  it("have the same keys in English and Chinese", () => {
    expect(keys(messages.zh).sort()).toEqual(keys(messages.en).sort());
  });

  it("have no empty message, and Chinese messages are written in Chinese", () => {
    for (const [key, text] of leaves(messages.zh)) {
      expect(text.trim(), key).not.toBe("");
      // Unit patterns and brand names may be Latin only; everything else has Han characters.
      if (
        !key.startsWith("units.") &&
        !/^(nav\.switchTo|nav\.switchToLabel|opportunity\.trlRange)$/.test(key)
      ) {
        expect(text, key).toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it("use the same ICU arguments in both languages", () => {
    const args = (text: string) => [...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
    const zh = new Map(leaves(messages.zh));
    for (const [key, text] of leaves(messages.en)) {
      expect(args(zh.get(key) ?? ""), key).toEqual(args(text));
    }
  });
});

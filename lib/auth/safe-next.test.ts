import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path of this site in the same language", () => {
    expect(safeNext("/en/organisation?tab=1", "en")).toBe("/en/organisation?tab=1");
  });
  it("refuses other sites, other schemes and odd paths", () => {
    for (const bad of [
      "https://evil.example/en/x",
      "//evil.example/en/",
      "/en/..\\evil",
      "/zh/account",
      "javascript:alert(1)",
    ]) {
      expect(safeNext(bad, "en")).toBe("/en/dashboard");
    }
    expect(safeNext(undefined, "zh")).toBe("/zh/dashboard");
  });
});

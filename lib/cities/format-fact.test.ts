import { describe, expect, it } from "vitest";
import { formatFactNumber } from "./format-fact";

describe("formatFactNumber", () => {
  it("writes English figures with thousands separators", () => {
    expect(formatFactNumber(3_446_100, "people", "en")).toBe("3,446,100");
    expect(formatFactNumber(89_000, "rmb", "en")).toBe("89,000");
    expect(formatFactNumber(8.328, "rmb_billion", "en")).toBe("8.328");
    expect(formatFactNumber(4.3, "percent", "en")).toBe("4.3");
  });

  it("counts large Chinese figures in 万 and RMB billions in 亿", () => {
    expect(formatFactNumber(3_446_100, "people", "zh")).toBe("344.61万");
    expect(formatFactNumber(89_000, "rmb", "zh")).toBe("8.9万");
    expect(formatFactNumber(14.7, "rmb_billion", "zh")).toBe("147");
    expect(formatFactNumber(8.328, "rmb_billion", "zh")).toBe("83.28");
  });

  it("leaves small counts alone in both languages", () => {
    expect(formatFactNumber(9, "count", "zh")).toBe("9");
    expect(formatFactNumber(400, "km", "en")).toBe("400");
  });
});

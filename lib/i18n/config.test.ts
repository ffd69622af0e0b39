import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { requestConfigFor } from "./config";

type Config = ReturnType<typeof requestConfigFor> & {
  _cache: { message: Record<string, unknown> };
};

function configFor(locale: string) {
  return requestConfigFor(locale) as Config;
}

describe("requestConfigFor", () => {
  it("keeps one store of parsed messages per language, across requests", async () => {
    const en = configFor("en");
    const again = configFor("en");
    const zh = configFor("zh");
    expect(again._cache).toBe(en._cache);
    expect(zh._cache).not.toBe(en._cache);
    expect(zh.locale).toBe("zh");
    // Unknown languages get the default one's config.
    expect(configFor("fr").locale).toBe("en");
  });

  it("is where use-intl's translator keeps what it parsed (next-intl passes the config on)", async () => {
    const config = configFor("en");
    const before = Object.keys(config._cache.message).length;
    const t = createTranslator({ ...config, namespace: "validation" });
    const first = t("tooLong", { max: 7 });
    expect(first).toContain("7");
    const stored = Object.keys(config._cache.message).length;
    expect(stored).toBeGreaterThan(before);
    // A second request's translator finds it there: nothing new is parsed.
    const second = createTranslator({ ...configFor("en"), namespace: "validation" });
    expect(second("tooLong", { max: 9 })).toContain("9");
    expect(Object.keys(config._cache.message).length).toBe(stored);
  });
});

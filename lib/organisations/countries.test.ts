import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryName, countryOptions, isCountryCode } from "./countries";
import { isLanguageCode, LANGUAGE_CODES, languageName, languageOptions } from "./languages";

describe("countries", () => {
  it("lists the EU-27, the EEA, Switzerland, the UK and the candidates, once each", () => {
    expect(COUNTRY_CODES).toHaveLength(27 + 3 + 2 + 9);
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    for (const code of ["DE", "IS", "LI", "NO", "CH", "GB", "UA", "TR", "GE", "MD", "BA"]) {
      expect(isCountryCode(code), code).toBe(true);
    }
    for (const code of ["US", "CN", "RU", "BY", "XK", "de"])
      expect(isCountryCode(code), code).toBe(false);
  });

  it("names countries in the user's language", () => {
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("DE", "zh")).toBe("德国");
  });

  it("sorts by name in the user's language", () => {
    const en = countryOptions("en");
    expect(en).toHaveLength(COUNTRY_CODES.length);
    expect(en[0]).toEqual({ code: "AL", name: "Albania" });
    const names = en.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    const zh = countryOptions("zh");
    const zhNames = zh.map((c) => c.name);
    expect(zhNames).toEqual([...zhNames].sort(new Intl.Collator("zh-CN").compare));
    expect(zhNames.every((name) => /\p{Script=Han}/u.test(name))).toBe(true);
  });
});

describe("languages", () => {
  it("has the common languages first, then the rest by name", () => {
    const options = languageOptions("en");
    expect(options.slice(0, 3).map((o) => o.code)).toEqual(["en", "zh", "de"]);
    expect(options).toHaveLength(LANGUAGE_CODES.length);
    const others = options.filter((o) => !o.common).map((o) => o.name);
    expect(others).toEqual([...others].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("names languages in the user's language", () => {
    expect(languageName("de", "en")).toBe("German");
    expect(languageName("de", "zh")).toBe("德语");
    expect(isLanguageCode("mn")).toBe(true);
    expect(isLanguageCode("xx")).toBe(false);
  });
});

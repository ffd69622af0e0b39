import { describe, expect, it } from "vitest";
import {
  hasFewPartners,
  isFiltered,
  isOfficialRole,
  parseRankedFilter,
  rankedFilterQuery,
} from "./official-schema";
import { SCORE_FLOOR } from "./score";

describe("parseRankedFilter", () => {
  it("reads country, type, minimum score, cooperation type and page from the address", () => {
    expect(
      parseRankedFilter({
        country: "DE",
        type: "UNIVERSITY",
        min: "50",
        coop: "JOINT_RD",
        page: "2",
      }),
    ).toEqual({ country: "DE", type: "UNIVERSITY", min: 50, coop: "JOINT_RD", page: 2 });
  });

  it("upper-cases and trims the country", () => {
    expect(parseRankedFilter({ country: " fr " }).country).toBe("FR");
  });

  it("falls back to the defaults for values it does not know", () => {
    const none = {
      country: undefined,
      type: undefined,
      min: undefined,
      coop: undefined,
      page: undefined,
    };
    expect(parseRankedFilter({})).toEqual(none);
    expect(
      parseRankedFilter({
        country: "Germany",
        type: "ROBOT",
        min: "abc",
        coop: "joint_rd",
        page: "-1",
        other: "x",
      }),
    ).toEqual(none);
    expect(parseRankedFilter({ country: "", type: "", min: "", coop: "", page: "" })).toEqual(none);
    expect(parseRankedFilter({ country: "D3" }).country).toBeUndefined();
    expect(parseRankedFilter({ page: "1.5" }).page).toBeUndefined();
    expect(parseRankedFilter({ page: "100000" }).page).toBeUndefined();
  });

  it("takes a minimum score from the floor to 100 only; the floor is the same as none", () => {
    expect(parseRankedFilter({ min: String(SCORE_FLOOR - 1) }).min).toBeUndefined();
    expect(parseRankedFilter({ min: String(SCORE_FLOOR) }).min).toBeUndefined();
    expect(parseRankedFilter({ min: String(SCORE_FLOOR + 1) }).min).toBe(SCORE_FLOOR + 1);
    expect(parseRankedFilter({ min: "100" }).min).toBe(100);
    expect(parseRankedFilter({ min: "101" }).min).toBeUndefined();
    expect(parseRankedFilter({ min: "70.5" }).min).toBeUndefined();
  });

  it("treats page 1 as the default and takes the first of repeated parameters", () => {
    expect(parseRankedFilter({ page: "1" }).page).toBeUndefined();
    expect(parseRankedFilter({ country: ["IT", "DE"], type: ["SME", "UNIVERSITY"] })).toMatchObject(
      { country: "IT", type: "SME" },
    );
  });
});

describe("rankedFilterQuery", () => {
  it("writes the filter back in a stable order, leaving out defaults", () => {
    const filter = parseRankedFilter({
      coop: "JOINT_RD",
      min: "50",
      type: "UNIVERSITY",
      country: "DE",
    });
    expect(rankedFilterQuery(filter, 2)).toBe(
      "?country=DE&type=UNIVERSITY&min=50&coop=JOINT_RD&page=2",
    );
    expect(rankedFilterQuery(filter)).toBe("?country=DE&type=UNIVERSITY&min=50&coop=JOINT_RD");
    expect(rankedFilterQuery(parseRankedFilter({}), 1)).toBe("");
    expect(rankedFilterQuery(parseRankedFilter({ min: String(SCORE_FLOOR) }), 3)).toBe("?page=3");
  });

  it("round-trips through the parser", () => {
    const filter = parseRankedFilter({ country: "PL", min: "80", page: "4" });
    const again = parseRankedFilter(
      Object.fromEntries(new URLSearchParams(rankedFilterQuery(filter, filter.page))),
    );
    expect(again).toEqual(filter);
  });
});

describe("isFiltered", () => {
  it("is true when any filter but the page is set", () => {
    expect(isFiltered(parseRankedFilter({ page: "3" }))).toBe(false);
    expect(isFiltered(parseRankedFilter({ min: String(SCORE_FLOOR) }))).toBe(false);
    expect(isFiltered(parseRankedFilter({ min: String(SCORE_FLOOR + 1) }))).toBe(true);
    expect(isFiltered(parseRankedFilter({ coop: "JOINT_VENTURE" }))).toBe(true);
  });
});

describe("coverage thresholds and roles", () => {
  it("flags fewer than five strong partners", () => {
    expect(hasFewPartners(0)).toBe(true);
    expect(hasFewPartners(4)).toBe(true);
    expect(hasFewPartners(5)).toBe(false);
  });

  it("opens the officials' pages to officials and admins only", () => {
    expect(isOfficialRole("OFFICIAL")).toBe(true);
    expect(isOfficialRole("ADMIN")).toBe(true);
    expect(isOfficialRole("PARTNER")).toBe(false);
  });
});

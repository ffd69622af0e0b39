import { describe, expect, it } from "vitest";
import {
  DEFAULT_SUGGESTION_STATE,
  isFiltered,
  parseSuggestionState,
  suggestionSearchParams,
} from "./schema";

describe("parseSuggestionState", () => {
  it("defaults to the best score first, first page, no filter", () => {
    expect(parseSuggestionState({})).toEqual({
      sort: "score",
      dir: "desc",
      theme: undefined,
      coop: undefined,
      deadline: undefined,
      q: undefined,
      page: 1,
    });
    expect(DEFAULT_SUGGESTION_STATE).toEqual(parseSuggestionState({}));
  });

  it("reads every parameter of a shared link", () => {
    const state = parseSuggestionState(
      new URLSearchParams(
        "sort=deadline&dir=desc&theme=dairy&coop=JOINT_RD&deadline=90&q=probiotic&page=2",
      ),
    );
    expect(state).toEqual({
      sort: "deadline",
      dir: "desc",
      theme: "dairy",
      coop: "JOINT_RD",
      deadline: 90,
      q: "probiotic",
      page: 2,
    });
    expect(isFiltered(state)).toBe(true);
    expect(isFiltered(parseSuggestionState({ sort: "title", page: "3" }))).toBe(false);
  });

  it("gives each sort its natural direction when none is set", () => {
    expect(parseSuggestionState({ sort: "score" }).dir).toBe("desc");
    expect(parseSuggestionState({ sort: "deadline" }).dir).toBe("asc");
    expect(parseSuggestionState({ sort: "title" }).dir).toBe("asc");
    expect(parseSuggestionState({ sort: "title", dir: "desc" }).dir).toBe("desc");
  });

  it("falls back to the default of each invalid value, never throws", () => {
    const state = parseSuggestionState({
      sort: "organisationId",
      dir: "sideways",
      theme: "Robert'); DROP TABLE",
      coop: "WORLD_DOMINATION",
      deadline: "45",
      q: "   ",
      page: "-3",
      role: "ADMIN",
    });
    expect(state).toEqual(DEFAULT_SUGGESTION_STATE);
    for (const page of ["0", "1.5", "abc", "99999999", ""]) {
      expect(parseSuggestionState({ page }).page).toBe(1);
    }
    // Repeated parameters: the first counts.
    expect(
      parseSuggestionState({ sort: ["title", "score"], deadline: ["30", "90"] }),
    ).toMatchObject({ sort: "title", deadline: 30 });
  });

  it("tidies and bounds the search text", () => {
    expect(parseSuggestionState({ q: "  lactic   acid \n bacteria " }).q).toBe(
      "lactic acid bacteria",
    );
    expect(parseSuggestionState({ q: "x".repeat(500) }).q).toHaveLength(100);
    expect(parseSuggestionState({ q: "乳酸菌" }).q).toBe("乳酸菌");
  });
});

describe("suggestionSearchParams", () => {
  it("leaves defaults out and round-trips through the parser", () => {
    expect(suggestionSearchParams(DEFAULT_SUGGESTION_STATE).toString()).toBe("");
    const state = parseSuggestionState({
      sort: "title",
      dir: "desc",
      theme: "agrofood-chain",
      coop: "TECHNOLOGY_TRANSFER",
      deadline: "30",
      q: "cold chain & 冷链",
      page: "4",
    });
    const query = suggestionSearchParams(state);
    expect(query.toString()).toBe(
      "sort=title&dir=desc&theme=agrofood-chain&coop=TECHNOLOGY_TRANSFER&deadline=30&q=cold+chain+%26+%E5%86%B7%E9%93%BE&page=4",
    );
    expect(parseSuggestionState(query)).toEqual(state);
    expect(suggestionSearchParams({ sort: "deadline", dir: "asc" }).toString()).toBe(
      "sort=deadline",
    );
  });
});

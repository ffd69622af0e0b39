import { describe, expect, it } from "vitest";
import {
  DEFAULT_REVIEW_COLUMNS,
  DEFAULT_REVIEW_STATE,
  hasHan,
  isReviewFiltered,
  parseReviewState,
  reviewFilterOf,
  reviewFilterQuery,
  reviewSearchParams,
  statusesOf,
} from "./review-schema";

const ID = "cmx15wwrz000g2a7dpkv9163o";

describe("parseReviewState", () => {
  it("defaults to the newest first, 25 a page, no filter, the default columns", () => {
    expect(DEFAULT_REVIEW_STATE).toEqual({
      status: undefined,
      theme: undefined,
      opportunity: undefined,
      country: undefined,
      type: undefined,
      min: undefined,
      max: undefined,
      assignee: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
      sort: "created",
      dir: "desc",
      page: 1,
      size: 25,
      columns: [...DEFAULT_REVIEW_COLUMNS],
    });
    expect(isReviewFiltered(DEFAULT_REVIEW_STATE)).toBe(false);
  });

  it("reads every parameter of a shared link and writes it back the same", () => {
    const query = `status=SUBMITTED&theme=dairy&opportunity=yoghurt-pilot&country=AT&type=SME&min=40&max=90&assignee=${ID}&from=2026-01-01&to=2026-02-28&q=probiotic+strains&sort=waited&dir=asc&size=50&cols=score%2Cwaited&page=3`;
    const state = parseReviewState(new URLSearchParams(query));
    expect(state).toMatchObject({
      status: "SUBMITTED",
      theme: "dairy",
      opportunity: "yoghurt-pilot",
      country: "AT",
      type: "SME",
      min: 40,
      max: 90,
      assignee: ID,
      from: "2026-01-01",
      to: "2026-02-28",
      q: "probiotic strains",
      sort: "waited",
      dir: "asc",
      size: 50,
      columns: ["score", "waited"],
      page: 3,
    });
    expect(reviewSearchParams(state).toString()).toBe(query);
    expect(isReviewFiltered(state)).toBe(true);
  });

  it("falls back to no filter for values that do not parse", () => {
    const state = parseReviewState({
      status: "BOGUS",
      theme: "Not A Slug!",
      country: "DEU",
      type: "PLANET",
      min: "-3",
      max: "101",
      assignee: "someone'; drop table",
      from: "2026-02-30",
      to: "yesterday",
      sort: "random",
      dir: "up",
      size: "33",
      page: "0",
    });
    expect(state).toEqual({ ...DEFAULT_REVIEW_STATE });
  });

  it("takes the first value of a repeated parameter and treats empty fields as absent", () => {
    expect(parseReviewState({ status: ["IN_REVIEW", "SUBMITTED"], theme: "" })).toMatchObject({
      status: "IN_REVIEW",
      theme: undefined,
    });
  });

  it("puts reversed ranges the right way round and drops bounds that are no bound", () => {
    expect(parseReviewState({ min: "80", max: "20" })).toMatchObject({ min: 20, max: 80 });
    expect(parseReviewState({ min: "0", max: "100" })).toMatchObject({
      min: undefined,
      max: undefined,
    });
    expect(parseReviewState({ from: "2026-03-01", to: "2026-01-01" })).toMatchObject({
      from: "2026-01-01",
      to: "2026-03-01",
    });
  });

  it("keeps the columns in their order, and an explicit empty choice", () => {
    expect(parseReviewState({ cols: "waited,bogus,country" }).columns).toEqual([
      "country",
      "waited",
    ]);
    const none = parseReviewState({ cols: "none" });
    expect(none.columns).toEqual([]);
    expect(reviewSearchParams(none).get("cols")).toBe("none");
    expect(reviewSearchParams(DEFAULT_REVIEW_STATE).toString()).toBe("");
  });

  it("accepts 'me' and 'none' as assignees", () => {
    expect(parseReviewState({ assignee: "me" }).assignee).toBe("me");
    expect(parseReviewState({ assignee: "none" }).assignee).toBe("none");
  });
});

describe("the filter shared by the queue, the export and the dashboard", () => {
  it("is the queue's state less page, size and columns", () => {
    const state = parseReviewState({ status: "open", sort: "score", page: "4", size: "100" });
    expect(reviewFilterOf(state)).toEqual({
      ...DEFAULT_REVIEW_STATE,
      status: "open",
      sort: "score",
      dir: "desc",
      page: undefined,
      size: undefined,
      columns: undefined,
    });
    expect(Object.keys(reviewFilterOf(state))).not.toContain("page");
  });

  it("links carry the filters only", () => {
    const state = parseReviewState({ status: "open", q: "乳业", sort: "score", page: "2" });
    expect(reviewFilterQuery(state)).toBe(`?status=open&q=${encodeURIComponent("乳业")}`);
    // …and parse back to the same filters.
    const back = parseReviewState(new URLSearchParams(reviewFilterQuery(state)));
    expect(back.status).toBe("open");
    expect(back.q).toBe("乳业");
  });

  it("expands 'open' to the open statuses", () => {
    expect(statusesOf("open")).toEqual([
      "SUBMITTED",
      "IN_REVIEW",
      "INFO_REQUESTED",
      "PARTNER_REPLIED",
      "SHORTLISTED",
    ]);
    expect(statusesOf("DECLINED")).toEqual(["DECLINED"]);
    expect(statusesOf(undefined)).toBeUndefined();
  });

  it("tells Chinese queries from others", () => {
    expect(hasHan("乳制品")).toBe(true);
    expect(hasHan("probiotic 乳")).toBe(true);
    expect(hasHan("probiotic")).toBe(false);
  });
});

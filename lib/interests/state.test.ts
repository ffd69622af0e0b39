import { describe, expect, it } from "vitest";
import {
  actorOf,
  availableActions,
  canTransition,
  FINAL_STATUSES,
  INTEREST_ACTIONS,
  INTEREST_STATUSES,
  type InterestAction,
  nextStatus,
  OPEN_STATUSES,
} from "./state";

type Status = (typeof INTEREST_STATUSES)[number];

// The whole workflow, written out by hand: every allowed (from, action) pair
// and where it leads. Every pair not in this table must be refused.
const ALLOWED: Record<string, Status> = {
  "SUBMITTED startReview": "IN_REVIEW",
  "IN_REVIEW requestInfo": "INFO_REQUESTED",
  "PARTNER_REPLIED requestInfo": "INFO_REQUESTED",
  "INFO_REQUESTED reply": "PARTNER_REPLIED",
  "IN_REVIEW shortlist": "SHORTLISTED",
  "PARTNER_REPLIED shortlist": "SHORTLISTED",
  "SHORTLISTED accept": "ACCEPTED",
  "SUBMITTED decline": "DECLINED",
  "IN_REVIEW decline": "DECLINED",
  "INFO_REQUESTED decline": "DECLINED",
  "PARTNER_REPLIED decline": "DECLINED",
  "SHORTLISTED decline": "DECLINED",
  "SUBMITTED withdraw": "WITHDRAWN",
  "IN_REVIEW withdraw": "WITHDRAWN",
  "INFO_REQUESTED withdraw": "WITHDRAWN",
  "PARTNER_REPLIED withdraw": "WITHDRAWN",
  "SHORTLISTED withdraw": "WITHDRAWN",
};

const pairs = INTEREST_STATUSES.flatMap((from) =>
  INTEREST_ACTIONS.map((action) => [from, action] as [Status, InterestAction]),
);
const allowed = pairs.filter(([from, action]) => `${from} ${action}` in ALLOWED);
const forbidden = pairs.filter(([from, action]) => !(`${from} ${action}` in ALLOWED));

describe("interest workflow", () => {
  it("covers every pair of status and action", () => {
    expect(pairs).toHaveLength(8 * 7);
    expect(allowed).toHaveLength(Object.keys(ALLOWED).length);
    expect(allowed.length + forbidden.length).toBe(56);
  });

  it.each(allowed)("allows %s → %s, to the right status, for the right actor", (from, action) => {
    const to = ALLOWED[`${from} ${action}`];
    expect(nextStatus(from, action)).toBe(to);
    const actor = actorOf(action);
    expect(canTransition(from, action, actor)).toBe(true);
    // …and never for the other side.
    expect(canTransition(from, action, actor === "official" ? "partner" : "official")).toBe(false);
  });

  it.each(forbidden)("refuses %s → %s for everyone", (from, action) => {
    expect(nextStatus(from, action)).toBeNull();
    expect(canTransition(from, action, "official")).toBe(false);
    expect(canTransition(from, action, "partner")).toBe(false);
  });

  it("gives the partner only reply and withdraw, and officials the rest", () => {
    expect(INTEREST_ACTIONS.filter((a) => actorOf(a) === "partner")).toEqual(["reply", "withdraw"]);
    expect(INTEREST_ACTIONS.filter((a) => actorOf(a) === "official")).toEqual([
      "startReview",
      "requestInfo",
      "shortlist",
      "accept",
      "decline",
    ]);
  });

  it("lets the partner withdraw at any open status and never after a decision", () => {
    for (const status of OPEN_STATUSES)
      expect(canTransition(status, "withdraw", "partner")).toBe(true);
    for (const status of FINAL_STATUSES)
      expect(canTransition(status, "withdraw", "partner")).toBe(false);
  });

  it("moves nothing out of a final status", () => {
    for (const status of FINAL_STATUSES) {
      expect(availableActions(status, "official")).toEqual([]);
      expect(availableActions(status, "partner")).toEqual([]);
    }
  });

  it("lists the open statuses exactly as the partial unique indexes do", () => {
    expect([...OPEN_STATUSES]).toEqual([
      "SUBMITTED",
      "IN_REVIEW",
      "INFO_REQUESTED",
      "PARTNER_REPLIED",
      "SHORTLISTED",
    ]);
    expect([...OPEN_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...INTEREST_STATUSES].sort());
  });

  it("offers the buttons in workflow order", () => {
    expect(availableActions("IN_REVIEW", "official")).toEqual([
      "requestInfo",
      "shortlist",
      "decline",
    ]);
    expect(availableActions("INFO_REQUESTED", "partner")).toEqual(["reply", "withdraw"]);
  });
});

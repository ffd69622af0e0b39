import { describe, expect, it } from "vitest";
import {
  assignInterestsSchema,
  bulkTransitionInterestsSchema,
  interestNoteSchema,
  replyToRequestSchema,
  submitInterestSchema,
  transitionInterestSchema,
  withdrawInterestSchema,
} from "./schema";

const issues = (result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string; code: string }> };
}) => (result.success ? [] : result.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`));

const valid = {
  opportunitySlug: "dairy-pilot",
  motivation: "We have run probiotic dairy pilots in three countries and want to bring them here.",
  cooperationType: "JOINT_RD",
  contribution: "Two researchers, a pilot line and strain libraries.",
  timeline: "Start in spring 2027",
  contactUserId: "cuid_contact_1",
  submissionKey: "3f1c2a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69",
};

describe("submitInterestSchema", () => {
  it("accepts a complete form and trims the texts", () => {
    const parsed = submitInterestSchema.parse({ ...valid, timeline: "  Start in spring 2027  " });
    expect(parsed.timeline).toBe("Start in spring 2027");
    expect(parsed.themeSlug).toBeUndefined();
  });

  it("bounds the motivation to 50–5000 characters", () => {
    expect(
      issues(submitInterestSchema.safeParse({ ...valid, motivation: "x".repeat(49) })),
    ).toEqual(["motivation:tooShort?min=50"]);
    expect(submitInterestSchema.safeParse({ ...valid, motivation: "x".repeat(50) }).success).toBe(
      true,
    );
    expect(submitInterestSchema.safeParse({ ...valid, motivation: "x".repeat(5000) }).success).toBe(
      true,
    );
    expect(
      issues(submitInterestSchema.safeParse({ ...valid, motivation: "x".repeat(5001) })),
    ).toEqual(["motivation:tooLong?max=5000"]);
  });

  it("bounds contribution and timeline", () => {
    expect(issues(submitInterestSchema.safeParse({ ...valid, contribution: "short" }))).toEqual([
      "contribution:tooShort?min=20",
    ]);
    expect(issues(submitInterestSchema.safeParse({ ...valid, timeline: "soon" }))).toEqual([
      "timeline:tooShort?min=5",
    ]);
    expect(issues(submitInterestSchema.safeParse({ ...valid, timeline: "y".repeat(501) }))).toEqual(
      ["timeline:tooLong?max=500"],
    );
  });

  it("takes only a known cooperation type and a contact person", () => {
    expect(
      issues(submitInterestSchema.safeParse({ ...valid, cooperationType: "BRIBERY" })),
    ).toEqual(["cooperationType:choose"]);
    expect(issues(submitInterestSchema.safeParse({ ...valid, contactUserId: "" }))).toEqual([
      "contactUserId:choose",
    ]);
  });

  it("needs exactly one of opportunity and theme", () => {
    expect(
      submitInterestSchema.safeParse({ ...valid, opportunitySlug: undefined, themeSlug: "dairy" })
        .success,
    ).toBe(true);
    expect(
      submitInterestSchema.safeParse({ ...valid, opportunitySlug: "", themeSlug: "dairy" }).success,
    ).toBe(true);
    expect(issues(submitInterestSchema.safeParse({ ...valid, themeSlug: "dairy" }))).toEqual([
      "_form:invalid",
    ]);
    expect(issues(submitInterestSchema.safeParse({ ...valid, opportunitySlug: "" }))).toEqual([
      "_form:invalid",
    ]);
  });

  it("refuses an organisation, a status or a submitter smuggled into the form", () => {
    for (const extra of [
      { organisationId: "org_1" },
      { status: "ACCEPTED" },
      { submittedById: "u" },
    ]) {
      const result = submitInterestSchema.safeParse({ ...valid, ...extra });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.code).toBe("unrecognized_keys");
    }
  });

  it("refuses control characters and a malformed submission key", () => {
    expect(submitInterestSchema.safeParse({ ...valid, timeline: "Start \u0000 now" }).success).toBe(
      false,
    );
    expect(submitInterestSchema.safeParse({ ...valid, submissionKey: "not-a-uuid" }).success).toBe(
      false,
    );
  });
});

describe("transitionInterestSchema", () => {
  const base = { id: "eoi_1", version: 3 };

  it("accepts the officials' actions with a numeric or string version", () => {
    expect(transitionInterestSchema.parse({ ...base, action: "startReview" })).toMatchObject({
      version: 3,
    });
    expect(
      transitionInterestSchema.parse({ ...base, version: "4", action: "shortlist" }).version,
    ).toBe(4);
    expect(
      transitionInterestSchema.parse({ ...base, action: "accept", note: "" }).note,
    ).toBeUndefined();
  });

  it("refuses the partner's actions and unknown ones", () => {
    for (const action of ["reply", "withdraw", "reopen", "delete"])
      expect(transitionInterestSchema.safeParse({ ...base, action }).success).toBe(false);
  });

  it("needs a reason and a message to decline", () => {
    expect(issues(transitionInterestSchema.safeParse({ ...base, action: "decline" }))).toEqual([
      "declineReason:choose",
      "declineMessage:required",
    ]);
    expect(
      issues(
        transitionInterestSchema.safeParse({ ...base, action: "decline", declineReason: "OTHER" }),
      ),
    ).toEqual(["declineMessage:required"]);
    expect(
      transitionInterestSchema.safeParse({
        ...base,
        action: "decline",
        declineReason: "NO_CAPACITY",
        declineMessage: "Not this year, sorry.",
      }).success,
    ).toBe(true);
    expect(
      transitionInterestSchema.safeParse({
        ...base,
        action: "decline",
        declineReason: "BORING",
        declineMessage: "Nope, sorry.",
      }).success,
    ).toBe(false);
  });

  it("refuses a decline reason on another action", () => {
    expect(
      transitionInterestSchema.safeParse({ ...base, action: "accept", declineReason: "OTHER" })
        .success,
    ).toBe(false);
  });

  it("needs the question to request information", () => {
    expect(issues(transitionInterestSchema.safeParse({ ...base, action: "requestInfo" }))).toEqual([
      "note:required",
    ]);
    expect(
      transitionInterestSchema.safeParse({ ...base, action: "requestInfo", note: "Which strains?" })
        .success,
    ).toBe(true);
  });

  it("refuses a negative or fractional version and extra keys", () => {
    expect(
      transitionInterestSchema.safeParse({ ...base, version: -1, action: "accept" }).success,
    ).toBe(false);
    expect(
      transitionInterestSchema.safeParse({ ...base, version: 1.5, action: "accept" }).success,
    ).toBe(false);
    expect(
      transitionInterestSchema.safeParse({ ...base, action: "accept", status: "ACCEPTED" }).success,
    ).toBe(false);
  });
});

describe("bulk, assignment, notes, reply and withdraw", () => {
  it("takes 1 to 100 items, each with its version", () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e${i}`, version: 0 }));
    expect(
      bulkTransitionInterestsSchema.safeParse({ items: items(1), action: "startReview" }).success,
    ).toBe(true);
    expect(
      bulkTransitionInterestsSchema.safeParse({ items: items(100), action: "shortlist" }).success,
    ).toBe(true);
    expect(
      bulkTransitionInterestsSchema.safeParse({ items: [], action: "shortlist" }).success,
    ).toBe(false);
    expect(
      bulkTransitionInterestsSchema.safeParse({ items: items(101), action: "shortlist" }).success,
    ).toBe(false);
    expect(
      bulkTransitionInterestsSchema.safeParse({ items: [{ id: "e" }], action: "shortlist" })
        .success,
    ).toBe(false);
    expect(
      bulkTransitionInterestsSchema.safeParse({ items: items(2), action: "decline" }).success,
    ).toBe(false);
  });

  it("assigns 1 to 100 distinct ids to an official or to nobody", () => {
    expect(assignInterestsSchema.parse({ ids: ["a", "a", "b"], assigneeId: "u1" })).toEqual({
      ids: ["a", "b"],
      assigneeId: "u1",
    });
    expect(assignInterestsSchema.parse({ ids: ["a"], assigneeId: null }).assigneeId).toBeNull();
    expect(assignInterestsSchema.parse({ ids: ["a"], assigneeId: "" }).assigneeId).toBeNull();
    expect(assignInterestsSchema.safeParse({ ids: [], assigneeId: null }).success).toBe(false);
    expect(
      assignInterestsSchema.safeParse({
        ids: Array.from({ length: 101 }, (_, i) => `i${i}`),
        assigneeId: null,
      }).success,
    ).toBe(false);
  });

  it("needs a note body", () => {
    expect(interestNoteSchema.safeParse({ id: "e", body: "  " }).success).toBe(false);
    expect(interestNoteSchema.parse({ id: "e", body: " Called them.\nAll good. " }).body).toBe(
      "Called them.\nAll good.",
    );
  });

  it("needs an answer to reply, and withdraw takes an optional note", () => {
    expect(issues(replyToRequestSchema.safeParse({ id: "e", version: 1, answer: "" }))).toEqual([
      "answer:tooShort?min=5",
    ]);
    expect(
      replyToRequestSchema.safeParse({ id: "e", version: 1, answer: "Lactobacillus only." })
        .success,
    ).toBe(true);
    expect(withdrawInterestSchema.parse({ id: "e", version: 2, note: "" })).toEqual({
      id: "e",
      version: 2,
    });
    expect(
      withdrawInterestSchema.safeParse({ id: "e", version: 2, organisationId: "o" }).success,
    ).toBe(false);
  });
});

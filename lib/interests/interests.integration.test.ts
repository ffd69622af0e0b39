import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createOrganisation, createUser, unique } from "@/lib/testing/factories";
import {
  addInterestNote,
  assignInterests,
  bulkTransitionInterests,
  replyToRequest,
  submitInterest,
  transitionInterest,
  withdrawInterest,
} from "./mutations";
import { getMyInterest, listMyInterests, loadInterestHistory } from "./queries";

// Everything lives in a city of its own; the mutations read CITY_SLUG once.
const citySlug = unique("city");
process.env.CITY_SLUG = citySlug;

const motivation =
  "We run probiotic dairy pilots in three countries and would like to bring that experience to Hohhot.";
const form = {
  motivation,
  cooperationType: "JOINT_RD" as const,
  contribution: "Two researchers, a pilot line and our strain library.",
  timeline: "Start in spring 2027",
};

let themeId: string;
let themeSlug: string;

async function opportunity(
  status: "DRAFT" | "PUBLISHED" | "CLOSED" = "PUBLISHED",
  deadline: Date | null = null,
) {
  return db.opportunity.create({
    data: {
      slug: unique("opp"),
      themeId,
      titleEn: "Dairy pilot",
      titleZh: "乳业试点",
      descriptionEn: "Something sought.",
      descriptionZh: "所需内容。",
      cooperationTypes: ["JOINT_RD"],
      partnerTypes: [],
      trlMin: 3,
      trlMax: 7,
      status,
      deadline,
      hostNameEn: "Host",
      hostNameZh: "主办方",
      hostType: "ENTERPRISE",
      publishedAt: status === "DRAFT" ? null : new Date(),
    },
  });
}

async function partner() {
  const organisation = await createOrganisation(db);
  const user = await createUser(db, { organisationId: organisation.id });
  return { organisationId: organisation.id, userId: user.id, user };
}

async function submitted(p?: Awaited<ReturnType<typeof partner>>) {
  const who = p ?? (await partner());
  const opp = await opportunity();
  const result = await submitInterest({
    ...form,
    opportunitySlug: opp.slug,
    contactUserId: who.userId,
    organisationId: who.organisationId,
    userId: who.userId,
  });
  return { ...who, id: result.id, opportunity: opp };
}

async function official() {
  return createUser(db, { role: "OFFICIAL" });
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  const city = await db.city.create({
    data: {
      slug: citySlug,
      nameEn: "Testcity",
      nameZh: "测试市",
      regionEn: "Region",
      regionZh: "地区",
      countryCode: "CN",
      summaryEn: "A city for tests.",
      summaryZh: "测试用城市。",
    },
  });
  const area = await db.cooperationArea.create({
    data: {
      cityId: city.id,
      slug: "area",
      order: 1,
      nameEn: "Area",
      nameZh: "领域",
      descriptionEn: "An area.",
      descriptionZh: "一个领域。",
    },
  });
  themeSlug = unique("theme");
  const theme = await db.theme.create({
    data: {
      cityId: city.id,
      areaId: area.id,
      slug: themeSlug,
      order: 1,
      nameEn: "Dairy",
      nameZh: "乳业",
      descriptionEn: "A theme.",
      descriptionZh: "一个主题。",
      keywordsEn: [],
      keywordsZh: [],
    },
  });
  themeId = theme.id;
});

describe("submitting", () => {
  it("creates one expression with its first event", async () => {
    const p = await partner();
    const opp = await opportunity();
    const result = await submitInterest({
      ...form,
      opportunitySlug: opp.slug,
      contactUserId: p.userId,
      organisationId: p.organisationId,
      userId: p.userId,
    });
    expect(result.created).toBe(true);
    const row = await db.expressionOfInterest.findUniqueOrThrow({
      where: { id: result.id },
      include: { events: true },
    });
    expect(row).toMatchObject({
      status: "SUBMITTED",
      version: 0,
      organisationId: p.organisationId,
      opportunityId: opp.id,
      themeId,
      contactUserId: p.userId,
      submittedById: p.userId,
    });
    expect(row.events).toHaveLength(1);
    expect(row.events[0]).toMatchObject({
      fromStatus: null,
      toStatus: "SUBMITTED",
      actorId: p.userId,
    });
  });

  it("creates exactly one row from five parallel submissions, and all land on it", async () => {
    const p = await partner();
    const opp = await opportunity();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        submitInterest({
          ...form,
          opportunitySlug: opp.slug,
          contactUserId: p.userId,
          organisationId: p.organisationId,
          userId: p.userId,
        }),
      ),
    );
    const rows = await db.expressionOfInterest.findMany({
      where: { organisationId: p.organisationId, opportunityId: opp.id },
    });
    expect(rows).toHaveLength(1);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([rows[0]!.id]));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.interestEvent.count({ where: { interestId: rows[0]!.id } })).toBe(1);
  });

  it("takes an open interest in a theme, once", async () => {
    const p = await partner();
    const input = {
      ...form,
      themeSlug,
      contactUserId: p.userId,
      organisationId: p.organisationId,
      userId: p.userId,
    };
    const [a, b] = await Promise.all([submitInterest(input), submitInterest(input)]);
    expect(a.id).toBe(b.id);
    const row = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ themeId, opportunityId: null });
  });

  it("finds a retried submission by its key even after it was withdrawn", async () => {
    const p = await partner();
    const opp = await opportunity();
    const input = {
      ...form,
      opportunitySlug: opp.slug,
      contactUserId: p.userId,
      organisationId: p.organisationId,
      userId: p.userId,
      submissionKey: randomUUID(),
    };
    const first = await submitInterest(input);
    await withdrawInterest({
      id: first.id,
      version: 0,
      organisationId: p.organisationId,
      actorId: p.userId,
    });
    expect(await submitInterest(input)).toEqual({ id: first.id, created: false });
    // A new form (a new key) may express interest again.
    const again = await submitInterest({ ...input, submissionKey: randomUUID() });
    expect(again.created).toBe(true);
    expect(again.id).not.toBe(first.id);
  });

  it("refuses closed, past-deadline and draft opportunities", async () => {
    const p = await partner();
    const base = {
      ...form,
      contactUserId: p.userId,
      organisationId: p.organisationId,
      userId: p.userId,
    };
    const closed = await opportunity("CLOSED");
    const error = await expectAppError(
      submitInterest({ ...base, opportunitySlug: closed.slug }),
      "UNPROCESSABLE",
    );
    expect(error.details).toEqual({ reason: "closed" });

    // Yesterday in Hohhot (deadlines are calendar days there).
    const now = new Date("2026-12-02T03:00:00Z"); // 11:00 on 2 December in Hohhot
    const past = await opportunity("PUBLISHED", new Date("2026-12-01T00:00:00Z"));
    const late = await expectAppError(
      submitInterest({ ...base, opportunitySlug: past.slug, now }),
      "UNPROCESSABLE",
    );
    expect(late.details).toEqual({ reason: "pastDeadline" });
    const today = await opportunity("PUBLISHED", new Date("2026-12-02T00:00:00Z"));
    expect((await submitInterest({ ...base, opportunitySlug: today.slug, now })).created).toBe(
      true,
    );

    const draft = await opportunity("DRAFT");
    await expectAppError(submitInterest({ ...base, opportunitySlug: draft.slug }), "NOT_FOUND");
    expect(
      await db.expressionOfInterest.count({
        where: { opportunityId: { in: [closed.id, past.id, draft.id] } },
      }),
    ).toBe(0);
  });

  it("refuses a contact person from another organisation, or a disabled one", async () => {
    const p = await partner();
    const other = await partner();
    const opp = await opportunity();
    const base = {
      ...form,
      opportunitySlug: opp.slug,
      organisationId: p.organisationId,
      userId: p.userId,
    };
    const error = await expectAppError(
      submitInterest({ ...base, contactUserId: other.userId }),
      "BAD_REQUEST",
    );
    expect(error.fields).toEqual({ contactUserId: "invalid" });
    const disabled = await createUser(db, { organisationId: p.organisationId });
    await db.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    await expectAppError(submitInterest({ ...base, contactUserId: disabled.id }), "BAD_REQUEST");
    expect(await db.expressionOfInterest.count({ where: { opportunityId: opp.id } })).toBe(0);
  });
});

describe("transitions", () => {
  it("moves through the workflow, recording who, when and the note, with audit and notifications", async () => {
    const e = await submitted();
    const o = await official();
    const review = await transitionInterest({
      id: e.id,
      version: 0,
      action: "startReview",
      actorId: o.id,
    });
    expect(review).toEqual({ id: e.id, status: "IN_REVIEW", version: 1 });
    const ask = await transitionInterest({
      id: e.id,
      version: 1,
      action: "requestInfo",
      note: "Which strains do you work with?",
      actorId: o.id,
    });
    expect(ask.status).toBe("INFO_REQUESTED");
    await replyToRequest({
      id: e.id,
      version: 2,
      answer: "Lactobacillus and Bifidobacterium.",
      organisationId: e.organisationId,
      actorId: e.userId,
    });
    await transitionInterest({ id: e.id, version: 3, action: "shortlist", actorId: o.id });
    const declined = await transitionInterest({
      id: e.id,
      version: 4,
      action: "decline",
      declineReason: "NO_CAPACITY",
      declineMessage: "Not this year, sorry.",
      actorId: o.id,
    });
    expect(declined).toEqual({ id: e.id, status: "DECLINED", version: 5 });

    const row = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.firstReviewedAt).not.toBeNull();
    expect(row.decidedAt).not.toBeNull();
    expect(row).toMatchObject({
      declineReason: "NO_CAPACITY",
      declineMessage: "Not this year, sorry.",
    });

    const history = await loadInterestHistory(e.id, "partner");
    expect(history.map((h) => h.toStatus)).toEqual([
      "SUBMITTED",
      "IN_REVIEW",
      "INFO_REQUESTED",
      "PARTNER_REPLIED",
      "SHORTLISTED",
      "DECLINED",
    ]);
    expect(history[2]).toMatchObject({
      note: "Which strains do you work with?",
      action: "requestInfo",
    });
    expect(history[2]!.actor).toEqual({ id: null, name: null, role: "OFFICIAL" }); // no official's name
    expect(history[3]).toMatchObject({ note: "Lactobacillus and Bifidobacterium." });
    expect(history[3]!.actor.name).toBe(e.user.name);
    expect(history[5]).toMatchObject({
      declineReason: "NO_CAPACITY",
      note: "Not this year, sorry.",
    });

    const audit = await db.auditLog.findMany({
      where: { entityType: "ExpressionOfInterest", entityId: e.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "interest.startReview",
      "interest.requestInfo",
      "interest.shortlist",
      "interest.decline",
    ]);
    const notifications = await db.notification.findMany({
      where: { interestId: e.id, userId: e.userId },
      orderBy: { createdAt: "asc" },
    });
    // The partner hears of every official's change; not of their own reply.
    expect(notifications.map((n) => n.kind)).toEqual([
      "interest.status",
      "interest.infoRequested",
      "interest.status",
      "interest.status",
    ]);
    const emails = await db.emailMessage.findMany({ where: { to: e.user.email } });
    expect(emails.map((m) => m.template).sort()).toEqual([
      "interest-info-request",
      "interest-status",
      "interest-status",
      "interest-status",
    ]);
  });

  it("refuses a forbidden transition and changes nothing", async () => {
    const e = await submitted();
    const o = await official();
    const error = await expectAppError(
      transitionInterest({ id: e.id, version: 0, action: "accept", actorId: o.id }),
      "UNPROCESSABLE",
    );
    expect(error.details).toEqual({ status: "SUBMITTED" });
    const row = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ status: "SUBMITTED", version: 0 });
  });

  it("answers a stale version with CONFLICT naming who changed it and when", async () => {
    const e = await submitted();
    const first = await createUser(db, { role: "OFFICIAL", name: "Wang Fang" });
    const second = await official();
    await transitionInterest({ id: e.id, version: 0, action: "startReview", actorId: first.id });
    const error = await expectAppError(
      transitionInterest({
        id: e.id,
        version: 0,
        action: "decline",
        declineReason: "OTHER",
        declineMessage: "Too late.",
        actorId: second.id,
      }),
      "CONFLICT",
    );
    const event = await db.interestEvent.findFirstOrThrow({
      where: { interestId: e.id, toStatus: "IN_REVIEW" },
    });
    expect(error.details).toEqual({ by: "Wang Fang", at: event.createdAt.toISOString() });
    const row = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ status: "IN_REVIEW", version: 1, declineReason: null });
    expect(await db.auditLog.count({ where: { entityId: e.id, actorId: second.id } })).toBe(0);
  });

  it("lets exactly one of 20 concurrent transitions win", async () => {
    const e = await submitted();
    const officials = await Promise.all(Array.from({ length: 20 }, () => official()));
    const outcomes = await Promise.allSettled(
      officials.map((o) =>
        transitionInterest({ id: e.id, version: 0, action: "startReview", actorId: o.id }),
      ),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o) => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const o of lost) expect((o.reason as AppError).code).toBe("CONFLICT");
    const row = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ status: "IN_REVIEW", version: 1 });
    expect(await db.interestEvent.count({ where: { interestId: e.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { entityId: e.id } })).toBe(1);
    expect(await db.notification.count({ where: { interestId: e.id } })).toBe(1);
  });

  it("writes the change, event, audit and notifications in one transaction", async () => {
    const e = await submitted();
    const o = await official();
    // Make the notification insert fail for this expression only: everything
    // before it in the transaction must be undone.
    const fn = `fail_${e.id.replace(/\W/g, "")}`;
    await db.$executeRawUnsafe(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."interestId" = '${e.id}' THEN RAISE EXCEPTION 'notification refused'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "Notification" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    try {
      await expect(
        transitionInterest({ id: e.id, version: 0, action: "startReview", actorId: o.id }),
      ).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Notification"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const row = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ status: "SUBMITTED", version: 0, firstReviewedAt: null });
    expect(await db.interestEvent.count({ where: { interestId: e.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: e.id } })).toBe(0);
    expect(await db.emailMessage.count({ where: { to: e.user.email } })).toBe(0);
    // And without the trigger the same change goes through.
    await transitionInterest({ id: e.id, version: 0, action: "startReview", actorId: o.id });
    expect(await db.notification.count({ where: { interestId: e.id } })).toBe(1);
  });

  it("a failure writing the audit row undoes the state change it records", async () => {
    const e = await submitted();
    const o = await official();
    // The audit insert itself fails, after the status change and its event.
    const fn = `fail_audit_${e.id.replace(/\W/g, "")}`;
    await db.$executeRawUnsafe(`
      CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."entityId" = '${e.id}' THEN RAISE EXCEPTION 'audit refused'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    try {
      await expect(
        transitionInterest({ id: e.id, version: 0, action: "startReview", actorId: o.id }),
      ).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "AuditLog"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const row = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ status: "SUBMITTED", version: 0, firstReviewedAt: null });
    expect(await db.interestEvent.count({ where: { interestId: e.id } })).toBe(1);
    expect(await db.notification.count({ where: { interestId: e.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityId: e.id } })).toBe(0);
  });
});

describe("the partner's side", () => {
  it("cannot touch another organisation's expression", async () => {
    const e = await submitted();
    const stranger = await partner();
    await expectAppError(
      withdrawInterest({
        id: e.id,
        version: 0,
        organisationId: stranger.organisationId,
        actorId: stranger.userId,
      }),
      "NOT_FOUND",
    );
    expect(await getMyInterest(stranger.organisationId, e.id)).toBeNull();
    expect((await listMyInterests(stranger.organisationId)).total).toBe(0);
    const row = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: e.id } });
    expect(row.status).toBe("SUBMITTED");
  });

  it("may withdraw before a decision, never after", async () => {
    const e = await submitted();
    const o = await official();
    const withdrawn = await withdrawInterest({
      id: e.id,
      version: 0,
      note: "Plans changed.",
      organisationId: e.organisationId,
      actorId: e.userId,
    });
    expect(withdrawn.status).toBe("WITHDRAWN");
    expect(await db.auditLog.count({ where: { entityId: e.id } })).toBe(0); // not privileged

    const accepted = await submitted();
    let v = 0;
    for (const action of ["startReview", "shortlist", "accept"] as const) {
      await transitionInterest({ id: accepted.id, version: v++, action, actorId: o.id });
    }
    const error = await expectAppError(
      withdrawInterest({
        id: accepted.id,
        version: v,
        organisationId: accepted.organisationId,
        actorId: accepted.userId,
      }),
      "UNPROCESSABLE",
    );
    expect(error.details).toEqual({ status: "ACCEPTED" });
  });

  it("replies only to a request for information, and the assignee hears of it", async () => {
    const e = await submitted();
    const o = await official();
    await expectAppError(
      replyToRequest({
        id: e.id,
        version: 0,
        answer: "Unasked answer.",
        organisationId: e.organisationId,
        actorId: e.userId,
      }),
      "UNPROCESSABLE",
    );
    await assignInterests({ ids: [e.id], assigneeId: o.id, actorId: (await official()).id });
    await transitionInterest({ id: e.id, version: 1, action: "startReview", actorId: o.id });
    await transitionInterest({
      id: e.id,
      version: 2,
      action: "requestInfo",
      note: "Which strains?",
      actorId: o.id,
    });
    await replyToRequest({
      id: e.id,
      version: 3,
      answer: "Lactobacillus.",
      organisationId: e.organisationId,
      actorId: e.userId,
    });
    const kinds = (
      await db.notification.findMany({ where: { userId: o.id }, orderBy: { createdAt: "asc" } })
    ).map((n) => n.kind);
    expect(kinds).toEqual(["interest.assigned", "interest.replied"]);
    expect(
      (await db.emailMessage.findMany({ where: { to: o.email } })).map((m) => m.template).sort(),
    ).toEqual(["interest-assigned", "interest-replied"]);
    // A partner conflict tells when, but not which official.
    const error = await expectAppError(
      withdrawInterest({
        id: e.id,
        version: 0,
        organisationId: e.organisationId,
        actorId: e.userId,
      }),
      "CONFLICT",
    );
    expect(Object.keys(error.details ?? {})).toEqual(["at"]);
  });
});

describe("assignment, bulk changes and notes", () => {
  it("assigns with an event, an audit row and a notification, and bumps the version", async () => {
    const e = await submitted();
    const lead = await official();
    const reviewer = await official();
    const { results } = await assignInterests({
      ids: [e.id],
      assigneeId: reviewer.id,
      actorId: lead.id,
    });
    expect(results).toEqual([{ id: e.id, ok: true, status: "SUBMITTED", version: 1 }]);
    const history = await loadInterestHistory(e.id, "official");
    expect(history.at(-1)).toMatchObject({
      kind: "ASSIGNMENT",
      assignment: { from: null, to: { id: reviewer.id, name: reviewer.name } },
    });
    expect((await loadInterestHistory(e.id, "partner")).map((h) => h.kind)).toEqual(["STATUS"]);
    expect(await db.notification.count({ where: { userId: reviewer.id, interestId: e.id } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { entityId: e.id, action: "interest.assign" } })).toBe(
      1,
    );
    // The stale version of an official who read before the assignment conflicts.
    const error = await expectAppError(
      transitionInterest({ id: e.id, version: 0, action: "startReview", actorId: reviewer.id }),
      "CONFLICT",
    );
    expect(error.details?.by).toBe(lead.name);
  });

  it("refuses a partner as assignee", async () => {
    const e = await submitted();
    await expectAppError(
      assignInterests({ ids: [e.id], assigneeId: e.userId, actorId: (await official()).id }),
      "BAD_REQUEST",
    );
  });

  it("reports per item which changed and which conflicted", async () => {
    const a = await submitted();
    const b = await submitted();
    const o = await official();
    await transitionInterest({ id: b.id, version: 0, action: "startReview", actorId: o.id });
    const { results } = await bulkTransitionInterests({
      items: [
        { id: a.id, version: 0 },
        { id: b.id, version: 0 },
        { id: "nonexistent", version: 0 },
      ],
      action: "startReview",
      actorId: o.id,
    });
    expect(results[0]).toEqual({ id: a.id, ok: true, status: "IN_REVIEW", version: 1 });
    expect(results[1]).toMatchObject({ id: b.id, ok: false, code: "CONFLICT" });
    expect(results[2]).toMatchObject({ id: "nonexistent", ok: false, code: "NOT_FOUND" });
  });

  it("keeps internal notes away from the partner", async () => {
    const e = await submitted();
    const o = await official();
    await addInterestNote({
      interestId: e.id,
      authorId: o.id,
      body: "Strong lab, weak on scale-up.",
    });
    expect(await db.interestNote.count({ where: { interestId: e.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: e.id, action: "interest.note" } })).toBe(1);
    const mine = await getMyInterest(e.organisationId, e.id);
    expect(JSON.stringify(mine)).not.toContain("weak on scale-up");
    await expectAppError(
      addInterestNote({ interestId: "nonexistent", authorId: o.id, body: "x" }),
      "NOT_FOUND",
    );
  });
});

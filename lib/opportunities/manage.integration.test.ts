import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  createCityWithTheme,
  createOrganisation,
  createUser,
  unique,
} from "@/lib/testing/factories";

// The actions run outside a Next request: the caller and the job queue are stand-ins.
const session = vi.hoisted(() => ({ caller: null as Caller | null }));
const rescored = vi.hoisted(() => [] as string[]);
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => session.caller,
}));
vi.mock("@/lib/matching/jobs", () => ({
  requestTargetRescore: async (kind: string, id: string) => {
    rescored.push(`${kind}:${id}`);
  },
  requestRebuild: async () => {},
  requestOrganisationRescore: async () => {},
}));

const { closeOpportunityAction, reopenOpportunityAction, saveOpportunityAction } = await import(
  "./actions"
);
const { closeOpportunity, reopenOpportunity, saveOpportunity } = await import("./mutations");
const { getManagedOpportunity, listManagedOpportunities } = await import("./manage-queries");
const { slugify } = await import("./schema");

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function values(themeId: string, overrides: Record<string, unknown> = {}) {
  return {
    titleEn: unique("Cold chain for dairy exports"),
    titleZh: "乳制品出口冷链物流合作",
    descriptionEn:
      "We seek a European partner for cold-chain monitoring of dairy exports, from farm to port.",
    descriptionZh:
      "寻求欧洲合作伙伴，共同开展乳制品出口冷链监测，覆盖从牧场到港口的全过程，并提供技术培训和设备支持，欢迎高校与企业参与。",
    hostNameEn: "Hohhot Dairy Group",
    hostNameZh: "呼和浩特乳业集团",
    themeId,
    hostType: "ENTERPRISE" as const,
    cooperationTypes: ["JOINT_RD" as const],
    partnerTypes: [],
    trlMin: 3,
    trlMax: 7,
    deadline: day(30) as string | null,
    ...overrides,
  };
}

function callerOf(user: { id: string; role: Role; email: string; name: string }): Caller {
  return {
    userId: user.id,
    sessionId: "session",
    role: user.role,
    organisationId: null,
    email: user.email,
    name: user.name,
    locale: "zh",
  };
}

async function audit(entityId: string) {
  return db.auditLog.findMany({
    where: { entityType: "Opportunity", entityId },
    orderBy: { createdAt: "asc" },
  });
}

beforeEach(() => {
  rescored.length = 0;
  session.caller = null;
});

describe("saveOpportunity", () => {
  it("creates a draft with a slug from the English title, audited, not scored", async () => {
    const { theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    const input = values(theme.id, { titleEn: "Smart Dairy Farms: Sensors & Data" });
    const saved = await saveOpportunity({ actorId: official.id, values: input, publish: false });
    expect(saved.status).toBe("DRAFT");
    expect(saved.slug).toMatch(/^smart-dairy-farms-sensors-data(-\d+)?$/);
    const stored = await db.opportunity.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored.publishedAt).toBeNull();
    expect(stored.deadline?.toISOString().slice(0, 10)).toBe(input.deadline);
    const log = await audit(saved.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: official.id, action: "opportunity.create" });
    expect((log[0]!.data as { changed: Record<string, unknown> }).changed).toMatchObject({
      titleEn: input.titleEn,
      deadline: input.deadline,
    });
    expect(rescored).toEqual([]);
  });

  it("gives the same title a unique slug, and the slug of a draft follows its title", async () => {
    const { theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    const title = unique("Water Saving Irrigation");
    const base = slugify(title);
    const first = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id, { titleEn: title }),
      publish: false,
    });
    const second = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id, { titleEn: title }),
      publish: false,
    });
    expect(first.slug).toBe(base);
    expect(second.slug).toBe(`${base}-2`);

    const renamed = await saveOpportunity({
      actorId: official.id,
      id: second.id,
      expectedUpdatedAt: second.updatedAt,
      values: values(theme.id, { titleEn: `${title} pilots` }),
      publish: false,
    });
    expect(renamed.slug).toBe(`${base}-pilots`);
  });

  it("publishes: publishedAt set, rescore queued after commit; the slug then never changes", async () => {
    const { theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    const draft = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id),
      publish: false,
    });
    const published = await saveOpportunity({
      actorId: official.id,
      id: draft.id,
      expectedUpdatedAt: draft.updatedAt,
      values: values(theme.id, { titleEn: "A completely different English title" }),
      publish: true,
    });
    expect(published.status).toBe("PUBLISHED");
    expect(published.slug).not.toBe(draft.slug); // still a draft when it was renamed…
    expect(rescored).toEqual([`OPPORTUNITY:${draft.id}`]);
    const stored = await db.opportunity.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.publishedAt).not.toBeNull();

    rescored.length = 0;
    const edited = await saveOpportunity({
      actorId: official.id,
      id: draft.id,
      expectedUpdatedAt: published.updatedAt,
      values: values(theme.id, { titleEn: "Yet another title", trlMax: 9 }),
      publish: false,
    });
    expect(edited.slug).toBe(published.slug); // …but not once published
    expect(edited.status).toBe("PUBLISHED");
    expect(rescored).toEqual([`OPPORTUNITY:${draft.id}`]);
    expect((await audit(draft.id)).map((row) => row.action)).toEqual([
      "opportunity.create",
      "opportunity.publish",
      "opportunity.update",
    ]);
  });

  it("refuses to publish with a past deadline; a draft may keep one", async () => {
    const { theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    const draft = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id, { deadline: day(-2) }),
      publish: false,
    });
    const error = await saveOpportunity({
      actorId: official.id,
      id: draft.id,
      expectedUpdatedAt: draft.updatedAt,
      values: values(theme.id, { deadline: day(-2) }),
      publish: true,
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.fields).toEqual({ deadline: "deadlinePast" });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe(
      "DRAFT",
    );
  });

  it("refuses to save over a newer version, naming who changed it and when", async () => {
    const { theme } = await createCityWithTheme(db);
    const alice = await createUser(db, { role: "OFFICIAL", name: unique("Alice") });
    const bob = await createUser(db, { role: "ADMIN" });
    const draft = await saveOpportunity({
      actorId: alice.id,
      values: values(theme.id),
      publish: false,
    });
    const aliceEdit = await saveOpportunity({
      actorId: alice.id,
      id: draft.id,
      expectedUpdatedAt: draft.updatedAt,
      values: values(theme.id, { titleZh: "艾丽斯修改后的标题" }),
      publish: false,
    });
    // Bob's form still carries the first version.
    const error = await saveOpportunity({
      actorId: bob.id,
      id: draft.id,
      expectedUpdatedAt: draft.updatedAt,
      values: values(theme.id, { titleZh: "鲍勃的标题" }),
      publish: false,
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    expect(isAppError(error) && error.details).toEqual({
      by: alice.name,
      at: aliceEdit.updatedAt.toISOString(),
    });
    const stored = await db.opportunity.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored.titleZh).toBe("艾丽斯修改后的标题");
    expect(await audit(draft.id)).toHaveLength(2);
  });

  it("refuses an unknown theme on the theme field", async () => {
    const official = await createUser(db, { role: "OFFICIAL" });
    const error = await saveOpportunity({
      actorId: official.id,
      values: values("no-such-theme"),
      publish: false,
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.fields).toEqual({ themeId: "required" });
  });
});

describe("close and reopen", () => {
  it("closes without touching scores, reopens with a rescore, both audited", async () => {
    const { theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    const organisation = await createOrganisation(db);
    const published = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id),
      publish: true,
    });
    await db.matchScore.create({
      data: {
        organisationId: organisation.id,
        targetKind: "OPPORTUNITY",
        targetId: published.id,
        score: 80,
        explanation: "{}",
        computedAt: new Date(),
      },
    });
    rescored.length = 0;
    const closed = await closeOpportunity({
      actorId: official.id,
      id: published.id,
      expectedUpdatedAt: published.updatedAt,
    });
    expect(closed.status).toBe("CLOSED");
    expect(rescored).toEqual([]);
    expect(await db.matchScore.count({ where: { targetId: published.id } })).toBe(1);

    const reopened = await reopenOpportunity({
      actorId: official.id,
      id: published.id,
      expectedUpdatedAt: closed.updatedAt,
    });
    expect(reopened.status).toBe("PUBLISHED");
    expect(reopened.slug).toBe(published.slug);
    expect(rescored).toEqual([`OPPORTUNITY:${published.id}`]);
    expect((await audit(published.id)).map((row) => row.action)).toEqual([
      "opportunity.publish",
      "opportunity.close",
      "opportunity.reopen",
    ]);
  });

  it("does not reopen past the deadline, nor close a draft", async () => {
    const { theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    const published = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id, { deadline: day(5) }),
      publish: true,
    });
    const closed = await closeOpportunity({
      actorId: official.id,
      id: published.id,
      expectedUpdatedAt: published.updatedAt,
    });
    const later = new Date(Date.now() + 10 * 86_400_000);
    const error = await reopenOpportunity({
      actorId: official.id,
      id: published.id,
      expectedUpdatedAt: closed.updatedAt,
      now: later,
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("UNPROCESSABLE");

    const draft = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id),
      publish: false,
    });
    const notClosable = await closeOpportunity({
      actorId: official.id,
      id: draft.id,
      expectedUpdatedAt: draft.updatedAt,
    }).catch((e: unknown) => e);
    expect(isAppError(notClosable) && notClosable.code).toBe("UNPROCESSABLE");
  });
});

describe("actions", () => {
  it("refuse partners and anonymous callers, and change nothing", async () => {
    const { theme } = await createCityWithTheme(db);
    const organisation = await createOrganisation(db);
    const partner = await createUser(db, { organisationId: organisation.id });
    const input = {
      ...values(theme.id),
      trlMin: "3",
      trlMax: "7",
      intent: "publish" as const,
    };
    const before = await db.opportunity.count();
    expect(await saveOpportunityAction(input)).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    session.caller = { ...callerOf(partner), organisationId: organisation.id };
    expect(await saveOpportunityAction(input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const official = await createUser(db, { role: "OFFICIAL" });
    const target = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id),
      publish: true,
    });
    const version = { id: target.id, updatedAt: target.updatedAt.toISOString() };
    expect(await closeOpportunityAction(version)).toMatchObject({ code: "FORBIDDEN" });
    expect(await reopenOpportunityAction(version)).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.opportunity.count()).toBe(before + 1);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: target.id } })).status).toBe(
      "PUBLISHED",
    );
  });

  it("let an official save and publish, taking the actor from the session", async () => {
    const { theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    session.caller = callerOf(official);
    const result = await saveOpportunityAction({
      ...values(theme.id),
      trlMin: "2",
      trlMax: "5",
      intent: "publish",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.status).toBe("PUBLISHED");
    const log = await audit(result.data.id);
    expect(log[0]).toMatchObject({ actorId: official.id, action: "opportunity.publish" });

    const stale = await saveOpportunityAction({
      ...values(theme.id),
      id: result.data.id,
      updatedAt: new Date(0).toISOString(),
    });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", details: { by: official.name } });
  });

  it("refuse unknown fields such as status or slug", async () => {
    const { theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    session.caller = callerOf(official);
    const result = await saveOpportunityAction({
      ...values(theme.id),
      slug: "my-own",
      status: "PUBLISHED",
    } as never);
    expect(result).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { _form: "unknownFields" },
    });
  });
});

describe("listManagedOpportunities", () => {
  it("lists a city's opportunities, drafts too, with good matches counted in one query", async () => {
    const { city, theme } = await createCityWithTheme(db);
    const official = await createUser(db, { role: "OFFICIAL" });
    const draft = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id),
      publish: false,
    });
    const published = await saveOpportunity({
      actorId: official.id,
      values: values(theme.id),
      publish: true,
    });
    const strong = await createOrganisation(db);
    const weak = await createOrganisation(db);
    await db.matchScore.createMany({
      data: [
        { organisationId: strong.id, score: 75 },
        { organisationId: weak.id, score: 30 },
      ].map((row) => ({
        ...row,
        targetKind: "OPPORTUNITY" as const,
        targetId: published.id,
        explanation: "{}",
        computedAt: new Date(),
      })),
    });
    const all = await listManagedOpportunities({}, city.slug);
    expect(all.total).toBe(2);
    expect(all.opportunities.map((o) => [o.id, o.goodMatches])).toEqual([
      [published.id, 1],
      [draft.id, 0],
    ]);
    const drafts = await listManagedOpportunities({ status: "DRAFT" }, city.slug);
    expect(drafts.opportunities.map((o) => o.id)).toEqual([draft.id]);
    const otherTheme = await listManagedOpportunities({ theme: "nothing" }, city.slug);
    expect(otherTheme.total).toBe(0);
    expect(await getManagedOpportunity(draft.id, city.slug)).toMatchObject({ status: "DRAFT" });
    expect(await getManagedOpportunity(draft.id, "elsewhere")).toBeNull();
  });
});

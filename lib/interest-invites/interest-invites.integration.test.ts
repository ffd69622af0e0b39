import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { createOrganisation, createUser, unique } from "@/lib/testing/factories";

// The actions run outside a Next request: the caller and the mailbox are stand-ins.
const session = vi.hoisted(() => ({ caller: null as Caller | null }));
const outbox = vi.hoisted(
  () => [] as Array<{ to: string; locale: string; template: string; data: Record<string, string> }>,
);
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => session.caller,
}));
vi.mock("@/lib/email/send", () => ({
  queueEmail: async (message: (typeof outbox)[number]) => {
    outbox.push(message);
    return "message-id";
  },
}));

const { inviteToExpressInterestAction } = await import("./actions");
const { inviteToExpressInterest } = await import("./mutations");
const { listRankedOrganisations } = await import("@/lib/matching/official-queries");
const { parseRankedFilter } = await import("@/lib/matching/official-schema");

const APP_URL = "https://bridgehead.test.example";
const DAY = 86_400_000;

async function setting() {
  const city = await db.city.create({
    data: {
      slug: unique("city"),
      nameEn: "Hohhot",
      nameZh: "呼和浩特",
      regionEn: "Inner Mongolia",
      regionZh: "内蒙古",
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
  const theme = await db.theme.create({
    data: {
      cityId: city.id,
      areaId: area.id,
      slug: unique("dairy"),
      order: 1,
      nameEn: "Dairy industry",
      nameZh: "乳业",
      descriptionEn: "A theme.",
      descriptionZh: "一个主题。",
      keywordsEn: [],
      keywordsZh: [],
    },
  });
  const opportunity = await db.opportunity.create({
    data: {
      slug: unique("probiotics-pilot"),
      themeId: theme.id,
      titleEn: "Probiotics pilot",
      titleZh: "益生菌中试合作",
      descriptionEn: "Something sought.",
      descriptionZh: "所需内容。",
      cooperationTypes: ["JOINT_RD"],
      partnerTypes: [],
      trlMin: 3,
      trlMax: 7,
      status: "PUBLISHED",
      publishedAt: new Date(),
      hostNameEn: "Host",
      hostNameZh: "发布单位",
      hostType: "ENTERPRISE",
    },
  });
  return { city, theme, opportunity };
}

async function officialCaller(role: Role = "OFFICIAL") {
  const user = await createUser(db, { role, name: unique("Official Wang") });
  const caller: Caller = {
    userId: user.id,
    sessionId: "session",
    role,
    organisationId: null,
    email: user.email,
    name: user.name,
    locale: "zh",
  };
  return { user, caller };
}

async function member(
  organisationId: string,
  options: { locale?: string; status?: "ACTIVE" | "DISABLED"; verified?: boolean } = {},
) {
  const user = await createUser(db, { organisationId, verified: options.verified });
  return db.user.update({
    where: { id: user.id },
    data: { locale: options.locale ?? "en", status: options.status ?? "ACTIVE" },
  });
}

beforeEach(() => {
  outbox.length = 0;
  session.caller = null;
});

describe("inviteToExpressInterest", () => {
  it("emails every active, verified member in their own language, and records the invite", async () => {
    const { opportunity } = await setting();
    const { user: official } = await officialCaller();
    const organisation = await createOrganisation(db);
    const en = await member(organisation.id, { locale: "en" });
    const zh = await member(organisation.id, { locale: "zh" });
    await member(organisation.id, { status: "DISABLED" });
    await member(organisation.id, { verified: false });

    const result = await inviteToExpressInterest({
      invitedById: official.id,
      officialName: official.name,
      organisationId: organisation.id,
      targetKind: "OPPORTUNITY",
      targetId: opportunity.id,
      appUrl: `${APP_URL}/`,
    });
    expect(result.recipients).toBe(2);
    expect(outbox.map((m) => m.to).sort()).toEqual([en.email, zh.email].sort());
    const byTo = new Map(outbox.map((m) => [m.to, m]));
    expect(byTo.get(en.email)).toMatchObject({
      locale: "en",
      template: "interest-invitation",
      data: {
        officialName: official.name,
        organisationName: organisation.name,
        cityName: "Hohhot",
        targetKind: "OPPORTUNITY",
        targetName: "Probiotics pilot",
        url: `${APP_URL}/en/interests/new?opportunity=${opportunity.slug}`,
      },
    });
    expect(byTo.get(zh.email)).toMatchObject({
      locale: "zh",
      data: {
        cityName: "呼和浩特",
        targetName: "益生菌中试合作",
        url: `${APP_URL}/zh/interests/new?opportunity=${opportunity.slug}`,
      },
    });

    const invite = await db.interestInvite.findUniqueOrThrow({ where: { id: result.id } });
    expect(invite).toMatchObject({
      organisationId: organisation.id,
      targetKind: "OPPORTUNITY",
      targetId: opportunity.id,
      invitedById: official.id,
      recipients: 2,
    });
    const audit = await db.auditLog.findMany({
      where: { entityType: "InterestInvite", entityId: invite.id },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: official.id,
        action: "interestInvite.create",
        data: {
          organisationId: organisation.id,
          targetKind: "OPPORTUNITY",
          targetId: opportunity.id,
          recipients: 2,
        },
      }),
    ]);
  });

  it("links a theme invitation to the theme's form", async () => {
    const { theme } = await setting();
    const { user: official } = await officialCaller();
    const organisation = await createOrganisation(db);
    await member(organisation.id, { locale: "zh" });
    await inviteToExpressInterest({
      invitedById: official.id,
      officialName: official.name,
      organisationId: organisation.id,
      targetKind: "THEME",
      targetId: theme.id,
      appUrl: APP_URL,
    });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.data).toMatchObject({
      targetKind: "THEME",
      targetName: "乳业",
      url: `${APP_URL}/zh/interests/new?theme=${theme.slug}`,
    });
  });

  it("refuses a second invitation to the same target within 30 days, not after", async () => {
    const { opportunity, theme } = await setting();
    const { user: official } = await officialCaller();
    const organisation = await createOrganisation(db);
    await member(organisation.id);
    const invite = (targetKind: "THEME" | "OPPORTUNITY", targetId: string, now?: Date) =>
      inviteToExpressInterest({
        invitedById: official.id,
        officialName: official.name,
        organisationId: organisation.id,
        targetKind,
        targetId,
        appUrl: APP_URL,
        now,
      });
    const first = await invite("OPPORTUNITY", opportunity.id);
    const again = await invite(
      "OPPORTUNITY",
      opportunity.id,
      new Date(Date.now() + 29 * DAY),
    ).catch((e: unknown) => e);
    expect(isAppError(again) && again.code).toBe("CONFLICT");
    expect(isAppError(again) && again.details).toEqual({
      reason: "recent",
      at: first.invitedAt.toISOString(),
    });
    // Another target is another invitation.
    await invite("THEME", theme.id);
    // A month later the opportunity may be brought up again.
    await invite("OPPORTUNITY", opportunity.id, new Date(Date.now() + 31 * DAY));
    expect(await db.interestInvite.count({ where: { organisationId: organisation.id } })).toBe(3);
    expect(outbox).toHaveLength(3);
  });

  it("refuses an organisation without active members, e.g. an imported one, and writes nothing", async () => {
    const { opportunity } = await setting();
    const { user: official } = await officialCaller();
    const imported = await db.organisation.create({
      data: {
        name: unique("Imported Institute"),
        type: "RESEARCH_INSTITUTE",
        country: "LU",
        origin: "IMPORTED",
        description: "Imported from a public register.",
      },
    });
    const disabledOnly = await createOrganisation(db);
    await member(disabledOnly.id, { status: "DISABLED" });
    for (const organisationId of [imported.id, disabledOnly.id]) {
      const error = await inviteToExpressInterest({
        invitedById: official.id,
        officialName: official.name,
        organisationId,
        targetKind: "OPPORTUNITY",
        targetId: opportunity.id,
        appUrl: APP_URL,
      }).catch((e: unknown) => e);
      expect(isAppError(error) && error.details).toEqual({ reason: "noMembers" });
      expect(await db.interestInvite.count({ where: { organisationId } })).toBe(0);
    }
    expect(outbox).toEqual([]);
  });

  it("refuses a draft or closed opportunity, and an organisation officials may not see", async () => {
    const { opportunity } = await setting();
    const { user: official } = await officialCaller();
    const organisation = await createOrganisation(db);
    await member(organisation.id);
    await db.opportunity.update({ where: { id: opportunity.id }, data: { status: "CLOSED" } });
    const closed = await inviteToExpressInterest({
      invitedById: official.id,
      officialName: official.name,
      organisationId: organisation.id,
      targetKind: "OPPORTUNITY",
      targetId: opportunity.id,
      appUrl: APP_URL,
    }).catch((e: unknown) => e);
    expect(isAppError(closed) && closed.details).toEqual({ reason: "notInvitable" });

    const hidden = await createOrganisation(db);
    await db.organisation.update({ where: { id: hidden.id }, data: { consentedAt: null } });
    await member(hidden.id);
    const { theme } = await setting();
    const notVisible = await inviteToExpressInterest({
      invitedById: official.id,
      officialName: official.name,
      organisationId: hidden.id,
      targetKind: "THEME",
      targetId: theme.id,
      appUrl: APP_URL,
    }).catch((e: unknown) => e);
    expect(isAppError(notVisible) && notVisible.code).toBe("NOT_FOUND");
    expect(outbox).toEqual([]);
  });
});

describe("inviteToExpressInterestAction", () => {
  it("refuses partners and anonymous callers; an official invites as themself", async () => {
    const { theme } = await setting();
    const organisation = await createOrganisation(db);
    const partner = await member(organisation.id);
    const input = {
      organisationId: organisation.id,
      targetKind: "THEME" as const,
      targetId: theme.id,
    };

    expect(await inviteToExpressInterestAction(input)).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    session.caller = {
      userId: partner.id,
      sessionId: "s",
      role: "PARTNER",
      organisationId: organisation.id,
      email: partner.email,
      name: partner.name,
      locale: "en",
    };
    expect(await inviteToExpressInterestAction(input)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db.interestInvite.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect(outbox).toEqual([]);

    const { user: admin, caller } = await officialCaller("ADMIN");
    session.caller = caller;
    expect(
      await inviteToExpressInterestAction({ ...input, invitedById: "someone-else" } as never),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    const result = await inviteToExpressInterestAction(input);
    expect(result).toMatchObject({ ok: true, data: { recipients: 1 } });
    expect(
      await db.interestInvite.findFirstOrThrow({ where: { organisationId: organisation.id } }),
    ).toMatchObject({ invitedById: admin.id });
    expect(outbox[0]!.data.officialName).toBe(admin.name);
    // Refused the second time, with the date of the first.
    expect(await inviteToExpressInterestAction(input)).toMatchObject({
      ok: false,
      code: "CONFLICT",
      details: { reason: "recent" },
    });
  });
});

describe("ranked lists", () => {
  it("say per organisation who can be invited, who was invited lately, and which are imported", async () => {
    const { theme } = await setting();
    const { user: official } = await officialCaller();
    const registered = await createOrganisation(db);
    await member(registered.id);
    await member(registered.id, { verified: false });
    const invitedOrg = await createOrganisation(db);
    await member(invitedOrg.id);
    const imported = await db.organisation.create({
      data: {
        name: unique("Imported"),
        type: "SME",
        country: "FR",
        origin: "IMPORTED",
        description: "Imported.",
      },
    });
    await db.matchScore.createMany({
      data: [registered, invitedOrg, imported].map((o, i) => ({
        organisationId: o.id,
        targetKind: "THEME" as const,
        targetId: theme.id,
        score: 90 - i,
        explanation: "{}",
        computedAt: new Date(),
      })),
    });
    await inviteToExpressInterest({
      invitedById: official.id,
      officialName: official.name,
      organisationId: invitedOrg.id,
      targetKind: "THEME",
      targetId: theme.id,
      appUrl: APP_URL,
    });
    const list = await listRankedOrganisations(
      { kind: "THEME", id: theme.id },
      parseRankedFilter({}),
    );
    expect(list.target).toEqual({ kind: "THEME", id: theme.id, invitable: true });
    expect(
      list.organisations.map((o) => [o.id, o.origin, o.invitableMembers, o.invitedAt !== null]),
    ).toEqual([
      [registered.id, "REGISTERED", 1, false],
      [invitedOrg.id, "REGISTERED", 1, true],
      [imported.id, "IMPORTED", 0, false],
    ]);
  });
});

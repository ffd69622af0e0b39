import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { createOrganisation, createUser, unique } from "@/lib/testing/factories";

const session = vi.hoisted(() => ({ caller: null as Caller | null }));
const rebuilds = vi.hoisted(() => ({ count: 0 }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => session.caller,
}));
vi.mock("@/lib/matching/jobs", () => ({
  requestRebuild: async () => {
    rebuilds.count++;
  },
  requestTargetRescore: async () => {},
  requestOrganisationRescore: async () => {},
}));

const { saveThemeKeywordsAction } = await import("./actions");
const { updateThemeKeywords } = await import("./mutations");

async function theme() {
  const city = await db.city.create({
    data: {
      slug: unique("city"),
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
  return db.theme.create({
    data: {
      cityId: city.id,
      areaId: area.id,
      slug: unique("dairy"),
      order: 1,
      nameEn: "Dairy",
      nameZh: "乳业",
      descriptionEn: "A theme.",
      descriptionZh: "一个主题。",
      keywordsEn: ["dairy", "cheese"],
      keywordsZh: ["乳业"],
    },
  });
}

function callerOf(user: { id: string; email: string; name: string }, role: Caller["role"]) {
  return {
    userId: user.id,
    sessionId: "s",
    role,
    organisationId: null,
    email: user.email,
    name: user.name,
    locale: "zh",
  } satisfies Caller;
}

beforeEach(() => {
  rebuilds.count = 0;
  session.caller = null;
});

describe("saveThemeKeywordsAction", () => {
  it("saves deduplicated keywords, audits the difference and queues one rebuild", async () => {
    const row = await theme();
    const official = await createUser(db, { role: "OFFICIAL" });
    session.caller = callerOf(official, "OFFICIAL");
    const result = await saveThemeKeywordsAction({
      themeId: row.id,
      updatedAt: row.updatedAt.toISOString(),
      keywordsEn: "dairy\n Raw milk \nDAIRY\nraw MILK",
      keywordsZh: "乳业，奶酪\n乳业",
    });
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    const stored = await db.theme.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.keywordsEn).toEqual(["dairy", "Raw milk"]);
    expect(stored.keywordsZh).toEqual(["乳业", "奶酪"]);
    expect(rebuilds.count).toBe(1);
    const audit = await db.auditLog.findMany({ where: { entityType: "Theme", entityId: row.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: official.id,
        action: "theme.keywords",
        data: {
          keywordsEn: { added: ["Raw milk"], removed: ["cheese"] },
          keywordsZh: { added: ["奶酪"], removed: [] },
        },
      }),
    ]);
  });

  it("changes nothing, and rebuilds nothing, when the lists are the same", async () => {
    const row = await theme();
    const official = await createUser(db, { role: "ADMIN" });
    const result = await updateThemeKeywords({
      actorId: official.id,
      themeId: row.id,
      expectedUpdatedAt: row.updatedAt,
      keywordsEn: ["dairy", "cheese"],
      keywordsZh: ["乳业"],
    });
    expect(result.changed).toBe(false);
    expect(rebuilds.count).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: "Theme", entityId: row.id } })).toBe(0);
  });

  it("refuses to overwrite a newer version, naming who changed it", async () => {
    const row = await theme();
    const alice = await createUser(db, { role: "OFFICIAL", name: unique("Alice") });
    const bob = await createUser(db, { role: "OFFICIAL" });
    await updateThemeKeywords({
      actorId: alice.id,
      themeId: row.id,
      expectedUpdatedAt: row.updatedAt,
      keywordsEn: ["dairy"],
      keywordsZh: ["乳业"],
    });
    const error = await updateThemeKeywords({
      actorId: bob.id,
      themeId: row.id,
      expectedUpdatedAt: row.updatedAt,
      keywordsEn: ["cheese"],
      keywordsZh: ["奶酪"],
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("CONFLICT");
    expect(isAppError(error) && error.details?.by).toBe(alice.name);
    expect((await db.theme.findUniqueOrThrow({ where: { id: row.id } })).keywordsEn).toEqual([
      "dairy",
    ]);
    expect(rebuilds.count).toBe(1);
  });

  it("refuses partners, anonymous callers and bad lists without changing anything", async () => {
    const row = await theme();
    const organisation = await createOrganisation(db);
    const partner = await createUser(db, { organisationId: organisation.id });
    const input = {
      themeId: row.id,
      updatedAt: row.updatedAt.toISOString(),
      keywordsEn: "spam",
      keywordsZh: "垃圾",
    };
    expect(await saveThemeKeywordsAction(input)).toMatchObject({ code: "UNAUTHENTICATED" });
    session.caller = { ...callerOf(partner, "PARTNER"), organisationId: organisation.id };
    expect(await saveThemeKeywordsAction(input)).toMatchObject({ code: "FORBIDDEN" });
    const official = await createUser(db, { role: "OFFICIAL" });
    session.caller = callerOf(official, "OFFICIAL");
    expect(await saveThemeKeywordsAction({ ...input, keywordsZh: "," })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { keywordsZh: "keywordsCount?min=1&max=40" },
    });
    const stored = await db.theme.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.keywordsEn).toEqual(["dairy", "cheese"]);
    expect(rebuilds.count).toBe(0);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { uniqueSuffix } from "@/lib/testing/databases";
import {
  createOrganisationForUser,
  recordConsent,
  saveCapabilitiesStep,
  saveOrganisationStep,
  updateProfile,
} from "./mutations";
import {
  type CapabilitiesStepValues,
  capabilitiesStepSchema,
  type OrganisationStepValues,
  organisationStepSchema,
  profileSchema,
} from "./schema";

const details = (name: string): OrganisationStepValues =>
  organisationStepSchema.parse({
    name,
    type: "SME",
    country: "DK",
    city: "Aarhus",
    website: "https://nordlac.example",
    sizeBand: "SMALL",
    description: "We select, grow and freeze-dry lactic acid bacteria for dairies. ".repeat(3),
  });

let themeIds: string[] = [];

beforeAll(async () => {
  // Our own city, area and themes, so as not to depend on other tests' data.
  const suffix = uniqueSuffix();
  const city = await db.city.create({
    data: {
      slug: `test-city-${suffix}`,
      nameEn: "Test city",
      nameZh: "测试城市",
      regionEn: "Region",
      regionZh: "地区",
      countryCode: "CN",
      summaryEn: "Summary",
      summaryZh: "简介",
    },
  });
  const area = await db.cooperationArea.create({
    data: {
      cityId: city.id,
      slug: "area",
      order: 1,
      nameEn: "Area",
      nameZh: "领域",
      descriptionEn: "Area",
      descriptionZh: "领域",
    },
  });
  const themes = await Promise.all(
    ["dairy", "health", "materials"].map((slug, order) =>
      db.theme.create({
        data: {
          cityId: city.id,
          areaId: area.id,
          slug,
          order,
          nameEn: slug,
          nameZh: "主题",
          descriptionEn: slug,
          descriptionZh: "主题",
          keywordsEn: [slug],
          keywordsZh: ["主题"],
        },
      }),
    ),
  );
  themeIds = themes.map((t) => t.id);
});

async function partner(role: "PARTNER" | "OFFICIAL" = "PARTNER") {
  return db.user.create({
    data: { email: `partner-${uniqueSuffix()}@example.eu`, name: "Anna Partner", role },
  });
}

async function onboardedPartner() {
  const user = await partner();
  const organisation = await createOrganisationForUser(user.id, details(`Org ${uniqueSuffix()}`));
  return { user, organisationId: organisation.id };
}

const capabilities = (overrides: Partial<Record<string, unknown>> = {}): CapabilitiesStepValues =>
  capabilitiesStepSchema.parse({
    themeIds: themeIds.slice(0, 2),
    keywords: ["starter cultures", "kefir"],
    trlMin: "4",
    trlMax: "7",
    cooperationTypes: ["JOINT_RD"],
    partnerTypes: ["UNIVERSITY"],
    languages: ["en", "da"],
    ...overrides,
  });

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return "resolved";
}

describe("createOrganisationForUser", () => {
  it("creates the organisation and links the user in one go", async () => {
    const user = await partner();
    const name = `Nordlac ${uniqueSuffix()}`;
    const { id } = await createOrganisationForUser(user.id, details(name));
    const organisation = await db.organisation.findUniqueOrThrow({
      where: { id },
      include: { members: true },
    });
    expect(organisation).toMatchObject({
      name,
      type: "SME",
      country: "DK",
      origin: "REGISTERED",
      onboardingStep: "CAPABILITIES",
      consentedAt: null,
    });
    expect(organisation.members.map((m) => m.id)).toEqual([user.id]);
    expect(
      await db.auditLog.count({ where: { entityId: id, action: "organisation.create" } }),
    ).toBe(1);
  });

  it("refuses a user who already has an organisation, and creates nothing", async () => {
    const { user, organisationId } = await onboardedPartner();
    const name = `Second ${uniqueSuffix()}`;
    expect(await codeOf(createOrganisationForUser(user.id, details(name)))).toBe("CONFLICT");
    expect(await db.organisation.count({ where: { name } })).toBe(0);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.organisationId).toBe(organisationId);
  });

  it("creates one organisation when the same user submits twice at once", async () => {
    const user = await partner();
    const name = `Race ${uniqueSuffix()}`;
    const results = await Promise.allSettled([
      createOrganisationForUser(user.id, details(name)),
      createOrganisationForUser(user.id, details(name)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.organisation.count({ where: { name } })).toBe(1);
  });

  it("refuses users who are not partners, and unknown users", async () => {
    const official = await partner("OFFICIAL");
    const name = `Official ${uniqueSuffix()}`;
    expect(await codeOf(createOrganisationForUser(official.id, details(name)))).toBe("CONFLICT");
    expect(await codeOf(createOrganisationForUser("no-such-user", details(name)))).toBe("CONFLICT");
    expect(await db.organisation.count({ where: { name } })).toBe(0);
  });
});

describe("onboarding progression", () => {
  it("goes organisation -> capabilities -> consent -> done", async () => {
    const { user, organisationId } = await onboardedPartner();
    const step = async () =>
      (await db.organisation.findUniqueOrThrow({ where: { id: organisationId } })).onboardingStep;
    expect(await step()).toBe("CAPABILITIES");

    // Consent before capabilities is refused.
    expect(await codeOf(recordConsent(organisationId, user.id))).toBe("CONFLICT");

    await saveCapabilitiesStep(organisationId, user.id, capabilities());
    expect(await step()).toBe("CONSENT");
    const saved = await db.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      include: { themes: true },
    });
    expect(saved).toMatchObject({ trlMin: 4, trlMax: 7, keywords: ["starter cultures", "kefir"] });
    expect(saved.themes.map((t) => t.themeId).sort()).toEqual(themeIds.slice(0, 2).sort());

    // "Back" to step 2 and save again: progress is kept.
    await saveOrganisationStep(organisationId, user.id, details("Renamed Nordlac"));
    expect(await step()).toBe("CONSENT");

    const now = new Date("2026-03-01T10:00:00Z");
    await recordConsent(organisationId, user.id, now);
    const done = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
    expect(done).toMatchObject({
      name: "Renamed Nordlac",
      onboardingStep: null,
      consentedAt: now,
      consentedById: user.id,
      lastConfirmedAt: now,
    });

    // Saving steps after onboarding keeps it finished.
    await saveCapabilitiesStep(organisationId, user.id, capabilities());
    expect(await step()).toBeNull();
  });

  it("replaces themes when capabilities are saved again", async () => {
    const { user, organisationId } = await onboardedPartner();
    await saveCapabilitiesStep(organisationId, user.id, capabilities());
    await saveCapabilitiesStep(
      organisationId,
      user.id,
      capabilities({ themeIds: [themeIds[2]], trlMin: "", trlMax: "" }),
    );
    const saved = await db.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      include: { themes: true },
    });
    expect(saved.themes.map((t) => t.themeId)).toEqual([themeIds[2]]);
    expect(saved.trlMin).toBeNull();
    expect(saved.trlMax).toBeNull();
  });

  it("refuses unknown themes and leaves the organisation unchanged", async () => {
    const { user, organisationId } = await onboardedPartner();
    expect(
      await codeOf(
        saveCapabilitiesStep(organisationId, user.id, capabilities({ themeIds: ["nope"] })),
      ),
    ).toBe("BAD_REQUEST");
    const after = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
    expect(after.onboardingStep).toBe("CAPABILITIES");
    expect(after.keywords).toEqual([]);
  });

  it("refuses consent from a user who is not a member", async () => {
    const { organisationId, user } = await onboardedPartner();
    await saveCapabilitiesStep(organisationId, user.id, capabilities());
    const stranger = await partner();
    expect(await codeOf(recordConsent(organisationId, stranger.id))).toBe("CONFLICT");
    const after = await db.organisation.findUniqueOrThrow({ where: { id: organisationId } });
    expect(after.consentedAt).toBeNull();
    expect(after.onboardingStep).toBe("CONSENT");
  });
});

describe("updates touch only the given organisation", () => {
  it("updateProfile changes the one organisation and confirms it", async () => {
    const mine = await onboardedPartner();
    const other = await onboardedPartner();
    await saveCapabilitiesStep(other.organisationId, other.user.id, capabilities());
    const otherBefore = await db.organisation.findUniqueOrThrow({
      where: { id: other.organisationId },
      include: { themes: true },
    });

    const now = new Date("2026-04-02T08:30:00Z");
    const profile = profileSchema.parse({
      ...details("Edited name"),
      themeIds: [themeIds[1]],
      keywords: ["whey"],
      trlMin: 2,
      trlMax: 3,
      cooperationTypes: ["EXPERT_EXCHANGE"],
      partnerTypes: [],
      languages: ["de"],
      website: "",
    });
    await updateProfile(mine.organisationId, mine.user.id, profile, now);

    const updated = await db.organisation.findUniqueOrThrow({
      where: { id: mine.organisationId },
      include: { themes: true },
    });
    expect(updated).toMatchObject({
      name: "Edited name",
      website: null,
      keywords: ["whey"],
      trlMin: 2,
      trlMax: 3,
      languages: ["de"],
      lastConfirmedAt: now,
      onboardingStep: "CAPABILITIES",
    });
    expect(updated.themes.map((t) => t.themeId)).toEqual([themeIds[1]]);

    const otherAfter = await db.organisation.findUniqueOrThrow({
      where: { id: other.organisationId },
      include: { themes: true },
    });
    expect(otherAfter).toEqual(otherBefore);
  });

  it("saveOrganisationStep leaves other organisations alone", async () => {
    const mine = await onboardedPartner();
    const other = await onboardedPartner();
    const otherBefore = await db.organisation.findUniqueOrThrow({
      where: { id: other.organisationId },
    });
    await saveOrganisationStep(mine.organisationId, mine.user.id, details("Only mine"));
    expect(
      await db.organisation.findUniqueOrThrow({ where: { id: other.organisationId } }),
    ).toEqual(otherBefore);
  });

  it("answers NOT_FOUND for an organisation that does not exist", async () => {
    const user = await partner();
    expect(await codeOf(saveOrganisationStep("missing-org", user.id, details("X Y")))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(saveCapabilitiesStep("missing-org", user.id, capabilities()))).toBe(
      "NOT_FOUND",
    );
  });
});

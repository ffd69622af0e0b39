import "server-only";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CooperationType, OrganisationType, SizeBand } from "@/lib/generated/prisma/enums";
import type {
  CapabilitiesStepValues,
  COOPERATION_TYPES,
  ORGANISATION_TYPES,
  OrganisationStepValues,
  ProfileValues,
  SIZE_BANDS,
} from "./schema";
import { advanceStep } from "./steps";

// The form's enum lists must be exactly Prisma's enums: a change to one fails the typecheck.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const enumsAgree: [
  Same<(typeof ORGANISATION_TYPES)[number], OrganisationType>,
  Same<(typeof COOPERATION_TYPES)[number], CooperationType>,
  Same<(typeof SIZE_BANDS)[number], SizeBand>,
] = [true, true, true];
void enumsAgree;

type Tx = Prisma.TransactionClient;

function detailsData(input: OrganisationStepValues) {
  return {
    name: input.name,
    type: input.type,
    country: input.country,
    city: input.city,
    website: input.website ?? null,
    sizeBand: input.sizeBand,
    description: input.description,
  };
}

function capabilitiesData(input: CapabilitiesStepValues) {
  return {
    keywords: input.keywords,
    trlMin: input.trlMin ?? null,
    trlMax: input.trlMax ?? null,
    cooperationTypes: input.cooperationTypes,
    partnerTypes: input.partnerTypes,
    languages: input.languages,
  };
}

/** The organisation's current onboarding step; NOT_FOUND when it does not exist. */
async function lockOrganisation(tx: Tx, organisationId: string) {
  // FOR UPDATE: two tabs saving at once apply one after the other.
  const rows = await tx.$queryRaw<Array<{ onboardingStep: string | null }>>`
    SELECT "onboardingStep" FROM "Organisation" WHERE "id" = ${organisationId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", `organisation ${organisationId}`);
  return row;
}

/** Replaces the organisation's themes; every id must name an existing theme. */
async function replaceThemes(tx: Tx, organisationId: string, themeIds: string[]) {
  const found = await tx.theme.count({ where: { id: { in: themeIds } } });
  if (found !== themeIds.length) {
    throw new AppError("BAD_REQUEST", "unknown theme", { fields: { themeIds: "invalid" } });
  }
  await tx.organisationTheme.deleteMany({
    where: { organisationId, themeId: { notIn: themeIds } },
  });
  if (themeIds.length > 0) {
    await tx.organisationTheme.createMany({
      data: themeIds.map((themeId) => ({ organisationId, themeId })),
      skipDuplicates: true,
    });
  }
}

async function audit(tx: Tx, actorId: string | null, action: string, organisationId: string) {
  await writeAudit(tx, { actorId, action, entityType: "Organisation", entityId: organisationId });
}

/**
 * Onboarding step 2 for a partner without an organisation: creates it and
 * makes the user its member, in one transaction. CONFLICT when the user
 * already belongs to an organisation (nothing is created then).
 */
export async function createOrganisationForUser(userId: string, input: OrganisationStepValues) {
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({
      data: { ...detailsData(input), origin: "REGISTERED", onboardingStep: "CAPABILITIES" },
      select: { id: true },
    });
    // Conditional on the user having no organisation yet: of two concurrent
    // requests, the second waits for the first's row lock, then matches nothing.
    const linked = await tx.user.updateMany({
      where: { id: userId, organisationId: null, role: "PARTNER" },
      data: { organisationId: organisation.id },
    });
    if (linked.count !== 1) {
      throw new AppError("CONFLICT", `user ${userId} already has an organisation or is no partner`);
    }
    await audit(tx, userId, "organisation.create", organisation.id);
    return organisation;
  });
}

/** Onboarding step 2 again (after "Back"): updates the organisation's details. */
export async function saveOrganisationStep(
  organisationId: string,
  actorId: string,
  input: OrganisationStepValues,
) {
  await db.$transaction(async (tx) => {
    const { onboardingStep } = await lockOrganisation(tx, organisationId);
    await tx.organisation.update({
      where: { id: organisationId },
      data: { ...detailsData(input), onboardingStep: advanceStep(onboardingStep, "ORGANISATION") },
    });
    await audit(tx, actorId, "organisation.update", organisationId);
  });
}

/** Onboarding step 3: themes, keywords, TRL range, cooperation, partner types and languages. */
export async function saveCapabilitiesStep(
  organisationId: string,
  actorId: string,
  input: CapabilitiesStepValues,
) {
  await db.$transaction(async (tx) => {
    const { onboardingStep } = await lockOrganisation(tx, organisationId);
    if (onboardingStep === "ORGANISATION") {
      throw new AppError("CONFLICT", "organisation step not completed");
    }
    await replaceThemes(tx, organisationId, input.themeIds);
    await tx.organisation.update({
      where: { id: organisationId },
      data: {
        ...capabilitiesData(input),
        onboardingStep: advanceStep(onboardingStep, "CAPABILITIES"),
      },
    });
    await audit(tx, actorId, "organisation.update", organisationId);
  });
}

/**
 * Onboarding step 4: the member `userId` consents for the organisation.
 * Finishes onboarding and confirms the profile as current. CONFLICT before
 * the capabilities step is done, or when the user is not a member.
 */
export async function recordConsent(organisationId: string, userId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const { onboardingStep } = await lockOrganisation(tx, organisationId);
    if (onboardingStep !== "CONSENT" && onboardingStep !== null) {
      throw new AppError("CONFLICT", `consent at onboarding step ${onboardingStep}`);
    }
    const updated = await tx.organisation.updateMany({
      where: { id: organisationId, members: { some: { id: userId } } },
      data: { onboardingStep: null, consentedAt: now, consentedById: userId, lastConfirmedAt: now },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", `user ${userId} is not a member`);
    await audit(tx, userId, "organisation.consent", organisationId);
  });
}

/** The profile editor: every field at once; saving confirms the profile as current. */
export async function updateProfile(
  organisationId: string,
  actorId: string,
  input: ProfileValues,
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    await replaceThemes(tx, organisationId, input.themeIds);
    await tx.organisation.update({
      where: { id: organisationId },
      data: { ...detailsData(input), ...capabilitiesData(input), lastConfirmedAt: now },
    });
    await audit(tx, actorId, "organisation.update", organisationId);
  });
}

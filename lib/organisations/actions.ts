"use server";

import { requestOrganisationRescore } from "@/lib/matching/jobs";
import { AppError, createAction } from "@/lib/server/action";
import {
  createOrganisationForUser,
  recordConsent,
  saveCapabilitiesStep,
  saveOrganisationStep,
  updateProfile,
} from "./mutations";
import {
  capabilitiesStepSchema,
  consentStepSchema,
  organisationStepSchema,
  profileSchema,
} from "./schema";

// The organisation is always the caller's own: no action takes an
// organisation id from its input (the strict schemas refuse one).

/** Wizard step 2 for a partner without an organisation yet: creates it. */
export const createOrganisation = createAction(
  {
    name: "organisations.create",
    schema: organisationStepSchema,
    access: { roles: ["PARTNER"] },
  },
  async (input, { caller }) => {
    if (!caller) throw new AppError("UNAUTHENTICATED");
    if (caller.organisationId) throw new AppError("CONFLICT", "caller already has an organisation");
    const organisation = await createOrganisationForUser(caller.userId, input);
    await requestOrganisationRescore(organisation.id);
  },
);

/** Wizard step 2 revisited: updates the caller's organisation's details. */
export const saveOrganisationDetails = createAction(
  {
    name: "organisations.saveDetails",
    schema: organisationStepSchema,
    access: { roles: ["PARTNER"], organisation: true },
  },
  async (input, { caller }) => {
    if (!caller?.organisationId) throw new AppError("FORBIDDEN");
    await saveOrganisationStep(caller.organisationId, caller.userId, input);
    await requestOrganisationRescore(caller.organisationId);
  },
);

/** Wizard step 3. */
export const saveCapabilities = createAction(
  {
    name: "organisations.saveCapabilities",
    schema: capabilitiesStepSchema,
    access: { roles: ["PARTNER"], organisation: true },
  },
  async (input, { caller }) => {
    if (!caller?.organisationId) throw new AppError("FORBIDDEN");
    await saveCapabilitiesStep(caller.organisationId, caller.userId, input);
    await requestOrganisationRescore(caller.organisationId);
  },
);

/** Wizard step 4: consent finishes onboarding. */
export const giveConsent = createAction(
  {
    name: "organisations.consent",
    schema: consentStepSchema,
    access: { roles: ["PARTNER"], organisation: true },
  },
  async (_input, { caller }) => {
    if (!caller?.organisationId) throw new AppError("FORBIDDEN");
    await recordConsent(caller.organisationId, caller.userId);
    await requestOrganisationRescore(caller.organisationId);
  },
);

/** The profile editor. */
export const saveProfile = createAction(
  {
    name: "organisations.saveProfile",
    schema: profileSchema,
    access: { roles: ["PARTNER"], organisation: true },
  },
  async (input, { caller }) => {
    if (!caller?.organisationId) throw new AppError("FORBIDDEN");
    await updateProfile(caller.organisationId, caller.userId, input);
    await requestOrganisationRescore(caller.organisationId);
  },
);

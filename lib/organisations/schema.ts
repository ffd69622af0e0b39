// The organisation forms: the wizard's steps and the profile editor share
// these schemas with their server actions. Isomorphic: no Prisma import. The
// enum lists below are checked against Prisma's enums in mutations.ts.
import { z } from "zod";
import { id, msg, optionalHttpUrl, text, trl } from "@/lib/validation/fields";
import { COUNTRY_CODES } from "./countries";
import { LANGUAGE_CODES } from "./languages";

export const ORGANISATION_TYPES = [
  "UNIVERSITY",
  "RESEARCH_INSTITUTE",
  "SME",
  "LARGE_COMPANY",
  "CLUSTER",
  "PUBLIC_BODY",
  "OTHER",
] as const;
export type OrganisationTypeValue = (typeof ORGANISATION_TYPES)[number];

export const COOPERATION_TYPES = [
  "JOINT_RD",
  "TECHNOLOGY_TRANSFER",
  "EXPERT_EXCHANGE",
  "JOINT_VENTURE",
  "TRADE_DISTRIBUTION",
  "PILOT_DEMONSTRATION",
  "CONSULTANCY_SERVICES",
] as const;
export type CooperationTypeValue = (typeof COOPERATION_TYPES)[number];

export const SIZE_BANDS = ["MICRO", "SMALL", "MEDIUM", "LARGE"] as const;
export type SizeBandValue = (typeof SIZE_BANDS)[number];

export const LIMITS = {
  nameMin: 2,
  nameMax: 200,
  cityMax: 100,
  descriptionMin: 100,
  descriptionMax: 3000,
  keywordsMax: 30,
  keywordMin: 2,
  keywordMax: 60,
  themesMax: 50,
} as const;

const required = { error: msg("required") };

/** One keyword: trimmed, one line, 2 to 60 characters. */
export const keyword = text({ min: LIMITS.keywordMin, max: LIMITS.keywordMax });

/** Drops repeats, ignoring case, keeping the first spelling. */
function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const folded = value.toLocaleLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** A TRL that may be left empty ("" from a select). */
const optionalTrl = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  trl.optional(),
);

const organisationFields = {
  name: text({ min: LIMITS.nameMin, max: LIMITS.nameMax }),
  type: z.enum(ORGANISATION_TYPES, required),
  country: z.enum(COUNTRY_CODES, required),
  city: text({ max: LIMITS.cityMax }),
  website: optionalHttpUrl,
  sizeBand: z.enum(SIZE_BANDS, required),
  description: text({
    min: LIMITS.descriptionMin,
    max: LIMITS.descriptionMax,
    multiline: true,
  }),
};

const capabilityFields = {
  themeIds: z
    .array(id)
    .max(LIMITS.themesMax, msg("invalid"))
    .transform((ids) => [...new Set(ids)]),
  keywords: z
    .array(keyword)
    .max(LIMITS.keywordsMax, msg("tooManyKeywords", { max: LIMITS.keywordsMax }))
    .transform(unique),
  trlMin: optionalTrl,
  trlMax: optionalTrl,
  cooperationTypes: z.array(z.enum(COOPERATION_TYPES)).transform((v) => [...new Set(v)]),
  partnerTypes: z.array(z.enum(ORGANISATION_TYPES)).transform((v) => [...new Set(v)]),
  languages: z.array(z.enum(LANGUAGE_CODES)).transform((v) => [...new Set(v)]),
};

/** The TRL range is optional, but both ends go together and the lower must not exceed the upper. */
function checkTrlRange(
  value: { trlMin?: number | undefined; trlMax?: number | undefined },
  context: z.RefinementCtx,
) {
  const { trlMin, trlMax } = value;
  if (trlMin === undefined && trlMax !== undefined) {
    context.addIssue({ code: "custom", path: ["trlMin"], message: msg("required") });
  } else if (trlMin !== undefined && trlMax === undefined) {
    context.addIssue({ code: "custom", path: ["trlMax"], message: msg("required") });
  } else if (trlMin !== undefined && trlMax !== undefined && trlMin > trlMax) {
    context.addIssue({ code: "custom", path: ["trlMax"], message: msg("trlOrder") });
  }
}

/** Wizard step 2: who the organisation is. */
export const organisationStepSchema = z.strictObject(organisationFields);

/** Wizard step 3: what it offers and seeks. */
export const capabilitiesStepSchema = z.strictObject(capabilityFields).superRefine(checkTrlRange);

/** Wizard step 4: the two explicit consents. */
export const consentStepSchema = z.strictObject({
  acceptPrivacyNotice: z.literal(true, { error: msg("consent") }),
  visibleToOfficials: z.literal(true, { error: msg("consent") }),
});

/** The profile editor: every field of steps 2 and 3 in one form. */
export const profileSchema = z
  .strictObject({ ...organisationFields, ...capabilityFields })
  .superRefine(checkTrlRange);

export type OrganisationStepInput = z.input<typeof organisationStepSchema>;
export type OrganisationStepValues = z.output<typeof organisationStepSchema>;
export type CapabilitiesStepInput = z.input<typeof capabilitiesStepSchema>;
export type CapabilitiesStepValues = z.output<typeof capabilitiesStepSchema>;
export type ConsentStepInput = z.input<typeof consentStepSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type ProfileValues = z.output<typeof profileSchema>;

// The forms of the expressions-of-interest domain: one strict schema each,
// shared by the client form and the server action. Isomorphic (no Prisma
// runtime import): the enum lists come from ./state and the organisation schema.
import { z } from "zod";
import { COOPERATION_TYPES } from "@/lib/organisations/schema";
import { id, msg, text } from "@/lib/validation/fields";
import { DECLINE_REASONS, OFFICIAL_ACTIONS } from "./state";

export const INTEREST_LIMITS = {
  motivationMin: 50,
  motivationMax: 5000,
  contributionMin: 20,
  contributionMax: 3000,
  timelineMin: 5,
  timelineMax: 500,
  /** A question to the partner, the partner's answer, a decline message, a note on a change. */
  noteMin: 5,
  noteMax: 2000,
  internalNoteMax: 5000,
  bulkMax: 100,
} as const;

const slug = z
  .string()
  .trim()
  .max(200)
  .regex(/^[a-z0-9][a-z0-9-]*$/, msg("invalid"));

/** An empty form value ("" from a select or a hidden field) means "not given". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const version = z.coerce
  .number({ error: msg("invalid") })
  .int(msg("invalid"))
  .min(0, msg("invalid"));

const noteText = text({
  min: INTEREST_LIMITS.noteMin,
  max: INTEREST_LIMITS.noteMax,
  multiline: true,
});

/** A note that may be left empty. */
const optionalNote = z.preprocess(blankToUndefined, noteText.optional());

/**
 * A partner expresses interest in an opportunity, or (without one) in a
 * theme as an open interest: exactly one of opportunitySlug and themeSlug.
 * The organisation is the caller's, never a field. submissionKey is a random
 * id the form makes once, so that a retried request finds its first result.
 */
export const submitInterestSchema = z
  .strictObject({
    opportunitySlug: z.preprocess(blankToUndefined, slug.optional()),
    themeSlug: z.preprocess(blankToUndefined, slug.optional()),
    motivation: text({
      min: INTEREST_LIMITS.motivationMin,
      max: INTEREST_LIMITS.motivationMax,
      multiline: true,
    }),
    cooperationType: z.enum(COOPERATION_TYPES, { error: msg("choose") }),
    contribution: text({
      min: INTEREST_LIMITS.contributionMin,
      max: INTEREST_LIMITS.contributionMax,
      multiline: true,
    }),
    timeline: text({
      min: INTEREST_LIMITS.timelineMin,
      max: INTEREST_LIMITS.timelineMax,
      multiline: true,
    }),
    contactUserId: z
      .string({ error: msg("choose") })
      .min(1, msg("choose"))
      .pipe(id),
    submissionKey: z.preprocess(blankToUndefined, z.uuid().optional()),
  })
  .refine((v) => (v.opportunitySlug === undefined) !== (v.themeSlug === undefined), {
    message: msg("invalid"),
    path: ["_form"],
  });
export type SubmitInterestInput = z.input<typeof submitInterestSchema>;
export type SubmitInterestValues = z.output<typeof submitInterestSchema>;

/** The structured part of a decision or a request; shared by single and bulk changes. */
const changeFields = {
  action: z.enum(OFFICIAL_ACTIONS, { error: msg("invalid") }),
  note: optionalNote,
  declineReason: z.preprocess(
    blankToUndefined,
    z.enum(DECLINE_REASONS, { error: msg("choose") }).optional(),
  ),
  declineMessage: optionalNote,
};

type ChangeShape = {
  action: (typeof OFFICIAL_ACTIONS)[number];
  note?: string;
  declineReason?: string;
  declineMessage?: string;
};

/** A decline needs a reason and a message; a request for information needs the question (note). */
function checkChange(v: ChangeShape, ctx: z.RefinementCtx) {
  if (v.action === "decline") {
    if (!v.declineReason)
      ctx.addIssue({ code: "custom", message: msg("choose"), path: ["declineReason"] });
    if (!v.declineMessage)
      ctx.addIssue({ code: "custom", message: msg("required"), path: ["declineMessage"] });
  } else if (v.declineReason || v.declineMessage) {
    ctx.addIssue({ code: "custom", message: msg("invalid"), path: ["declineReason"] });
  }
  if (v.action === "requestInfo" && !v.note)
    ctx.addIssue({ code: "custom", message: msg("required"), path: ["note"] });
}

/** An official moves one expression, naming the version they read (optimistic lock). */
export const transitionInterestSchema = z
  .strictObject({ id, version, ...changeFields })
  .superRefine(checkChange);
export type TransitionInterestInput = z.input<typeof transitionInterestSchema>;
export type TransitionInterestValues = z.output<typeof transitionInterestSchema>;

/** The same change applied to many expressions, each with the version it was read at. */
export const bulkTransitionInterestsSchema = z
  .strictObject({
    items: z
      .array(z.strictObject({ id, version }))
      .min(1, msg("required"))
      .max(INTEREST_LIMITS.bulkMax, msg("invalid")),
    ...changeFields,
  })
  .superRefine(checkChange);
export type BulkTransitionInterestsInput = z.input<typeof bulkTransitionInterestsSchema>;

/** Assign expressions to an official, or (null or "") unassign them. */
export const assignInterestsSchema = z.strictObject({
  ids: z
    .array(id)
    .min(1, msg("required"))
    .max(INTEREST_LIMITS.bulkMax, msg("invalid"))
    .transform((ids) => [...new Set(ids)]),
  assigneeId: z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable()),
});
export type AssignInterestsInput = z.input<typeof assignInterestsSchema>;

/** An internal note by an official: never shown to the partner. */
export const interestNoteSchema = z.strictObject({
  id,
  body: text({ min: 1, max: INTEREST_LIMITS.internalNoteMax, multiline: true }),
});
export type InterestNoteInput = z.input<typeof interestNoteSchema>;

/** The partner answers a request for information. */
export const replyToRequestSchema = z.strictObject({
  id,
  version,
  answer: noteText,
});
export type ReplyToRequestInput = z.input<typeof replyToRequestSchema>;

/** The partner withdraws an expression (before a decision). */
export const withdrawInterestSchema = z.strictObject({
  id,
  version,
  note: optionalNote,
});
export type WithdrawInterestInput = z.input<typeof withdrawInterestSchema>;

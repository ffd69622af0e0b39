"use server";

import { createAction } from "@/lib/server/action";
import {
  addInterestNote as addNote,
  assignInterests as assign,
  bulkTransitionInterests as bulkTransition,
  replyToRequest as reply,
  submitInterest as submit,
  transitionInterest as transition,
  withdrawInterest as withdraw,
} from "./mutations";
import {
  assignInterestsSchema,
  bulkTransitionInterestsSchema,
  interestNoteSchema,
  replyToRequestSchema,
  submitInterestSchema,
  transitionInterestSchema,
  withdrawInterestSchema,
} from "./schema";

const PARTNER = { roles: ["PARTNER"], organisation: true } as const;
const OFFICIAL = { roles: ["OFFICIAL", "ADMIN"] } as const;

// ---------------------------------------------------------------------------
// The partner's side: the organisation is always the caller's. An expression
// of another organisation is NOT_FOUND (the scope sits in the WHERE clause).
// ---------------------------------------------------------------------------

/** Submits an expression of interest; a repeat returns the open one with created: false. */
export const submitInterest = createAction(
  { schema: submitInterestSchema, access: PARTNER, name: "submitInterest" },
  async (input, { caller }) =>
    submit({ ...input, organisationId: caller!.organisationId!, userId: caller!.userId }),
);

/** Withdraws one of the organisation's expressions, before a decision. */
export const withdrawInterest = createAction(
  { schema: withdrawInterestSchema, access: PARTNER, name: "withdrawInterest" },
  async (input, { caller }) =>
    withdraw({ ...input, organisationId: caller!.organisationId!, actorId: caller!.userId }),
);

/** Answers an official's request for information. */
export const replyToRequest = createAction(
  { schema: replyToRequestSchema, access: PARTNER, name: "replyToRequest" },
  async (input, { caller }) =>
    reply({ ...input, organisationId: caller!.organisationId!, actorId: caller!.userId }),
);

// ---------------------------------------------------------------------------
// The officials' side: every change records an audit row (in the mutation).
// ---------------------------------------------------------------------------

/**
 * Moves one expression: startReview, requestInfo (note = the question),
 * shortlist, accept, decline (declineReason + declineMessage). A stale
 * version fails with code CONFLICT and details { by, at }.
 */
export const transitionInterest = createAction(
  { schema: transitionInterestSchema, access: OFFICIAL, name: "transitionInterest" },
  async (input, { caller }) => transition({ ...input, actorId: caller!.userId }),
);

/** Assigns expressions to an official (assigneeId null: unassigns); per-item results. */
export const assignInterests = createAction(
  { schema: assignInterestsSchema, access: OFFICIAL, name: "assignInterests" },
  async (input, { caller }) => assign({ ...input, actorId: caller!.userId }),
);

/** One action on many expressions, each checked against its own version; per-item results. */
export const bulkTransitionInterests = createAction(
  { schema: bulkTransitionInterestsSchema, access: OFFICIAL, name: "bulkTransitionInterests" },
  async (input, { caller }) => bulkTransition({ ...input, actorId: caller!.userId }),
);

/** Adds an internal note (officials only; the partner never sees it). */
export const addInterestNote = createAction(
  { schema: interestNoteSchema, access: OFFICIAL, name: "addInterestNote" },
  async ({ id, body }, { caller }) => addNote({ interestId: id, authorId: caller!.userId, body }),
);

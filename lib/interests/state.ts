// The workflow of an expression of interest, as a pure state machine: which
// action may move an expression from which status to which, and who may take
// it. Mutations ask here before they write; the tests walk every pair.
import type { InterestStatus } from "@/lib/generated/prisma/enums";

export const INTEREST_STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "INFO_REQUESTED",
  "PARTNER_REPLIED",
  "SHORTLISTED",
  "ACCEPTED",
  "DECLINED",
  "WITHDRAWN",
] as const satisfies readonly InterestStatus[];

/**
 * Statuses in which an expression is still open: at most one per organisation
 * and opportunity (or theme) — the partial unique indexes of migration
 * 20261129000000_interests_imports_api list exactly these.
 */
export const OPEN_STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "INFO_REQUESTED",
  "PARTNER_REPLIED",
  "SHORTLISTED",
] as const satisfies readonly InterestStatus[];

/** Final statuses: nothing moves an expression out of these. */
export const FINAL_STATUSES = [
  "ACCEPTED",
  "DECLINED",
  "WITHDRAWN",
] as const satisfies readonly InterestStatus[];

export const DECLINE_REASONS = [
  "OUT_OF_SCOPE",
  "CAPABILITY_INSUFFICIENT",
  "NO_CAPACITY",
  "DUPLICATE",
  "OTHER",
] as const;

export const INTEREST_ACTIONS = [
  "startReview",
  "requestInfo",
  "reply",
  "shortlist",
  "accept",
  "decline",
  "withdraw",
] as const;
export type InterestAction = (typeof INTEREST_ACTIONS)[number];

/** Actions an official (or admin) takes; the partner's are reply and withdraw. */
export const OFFICIAL_ACTIONS = [
  "startReview",
  "requestInfo",
  "shortlist",
  "accept",
  "decline",
] as const satisfies readonly InterestAction[];
export type OfficialAction = (typeof OFFICIAL_ACTIONS)[number];

export const PARTNER_ACTIONS = ["reply", "withdraw"] as const satisfies readonly InterestAction[];
export type PartnerAction = (typeof PARTNER_ACTIONS)[number];

export type Actor = "official" | "partner";

export function actorOf(action: InterestAction): Actor {
  return (PARTNER_ACTIONS as readonly string[]).includes(action) ? "partner" : "official";
}

/**
 * The allowed moves: action -> (from status -> to status). Anything not listed
 * is refused.
 *
 * submitted → in review → information requested ⇄ partner replied →
 * shortlisted → accepted | declined. An official may decline at any open
 * status (an out-of-scope expression need not be reviewed first), may ask for
 * information again after a reply, or shortlist straight from review; the
 * partner may withdraw at any point before a decision.
 */
const MOVES: Record<InterestAction, Partial<Record<InterestStatus, InterestStatus>>> = {
  startReview: { SUBMITTED: "IN_REVIEW" },
  requestInfo: { IN_REVIEW: "INFO_REQUESTED", PARTNER_REPLIED: "INFO_REQUESTED" },
  reply: { INFO_REQUESTED: "PARTNER_REPLIED" },
  shortlist: { IN_REVIEW: "SHORTLISTED", PARTNER_REPLIED: "SHORTLISTED" },
  accept: { SHORTLISTED: "ACCEPTED" },
  decline: {
    SUBMITTED: "DECLINED",
    IN_REVIEW: "DECLINED",
    INFO_REQUESTED: "DECLINED",
    PARTNER_REPLIED: "DECLINED",
    SHORTLISTED: "DECLINED",
  },
  withdraw: {
    SUBMITTED: "WITHDRAWN",
    IN_REVIEW: "WITHDRAWN",
    INFO_REQUESTED: "WITHDRAWN",
    PARTNER_REPLIED: "WITHDRAWN",
    SHORTLISTED: "WITHDRAWN",
  },
};

/** The status an action leads to from `from`, or null when the move is not allowed. */
export function nextStatus(from: InterestStatus, action: InterestAction): InterestStatus | null {
  return MOVES[action][from] ?? null;
}

/** Whether `actor` may take `action` on an expression in status `from`. */
export function canTransition(from: InterestStatus, action: InterestAction, actor: Actor): boolean {
  return actorOf(action) === actor && nextStatus(from, action) !== null;
}

/** The actions available from a status to an actor, in workflow order (for buttons). */
export function availableActions(from: InterestStatus, actor: Actor): InterestAction[] {
  return INTEREST_ACTIONS.filter((action) => canTransition(from, action, actor));
}

export function isOpen(status: InterestStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function isDecision(status: InterestStatus): boolean {
  return status === "ACCEPTED" || status === "DECLINED";
}

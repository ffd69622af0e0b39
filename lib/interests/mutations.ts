import "server-only";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { enqueueDelivery, storeEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeclineReason, InterestStatus } from "@/lib/generated/prisma/enums";
import { createNotifications, type NewNotification } from "@/lib/notifications/mutations";
import { isPastDeadline } from "./dates";
import type { SubmitInterestValues } from "./schema";
import {
  type Actor,
  actorOf,
  type InterestAction,
  isDecision,
  nextStatus,
  type OfficialAction,
  OPEN_STATUSES,
} from "./state";

type Tx = Prisma.TransactionClient;
type Locale = "en" | "zh";

const OFFICIAL_ROLES = ["OFFICIAL", "ADMIN"] as const;

const localeOf = (value: string): Locale => (value === "zh" ? "zh" : "en");

function baseUrl() {
  return env().NEXTAUTH_URL.replace(/\/+$/, "");
}

/** Where a partner reads an expression, and where an official reviews it. */
export function partnerInterestUrl(locale: Locale, id: string) {
  return `${baseUrl()}/${locale}/interests/${id}`;
}
export function officialInterestUrl(locale: Locale, id: string) {
  return `${baseUrl()}/${locale}/official/interests/${id}`;
}

/**
 * Whether a write failed on a unique index. Prisma reports P2002, but with a
 * driver adapter and a partial index the database's own 23505 may come
 * through instead (in the error or its cause), so both are recognised.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return true;
    const record = e as { code?: unknown; originalCode?: unknown; meta?: unknown; cause?: unknown };
    if (record.code === "23505" || record.originalCode === "23505") return true;
    const meta = record.meta as { driverAdapterError?: { cause?: { originalCode?: string } } };
    if (meta?.driverAdapterError?.cause?.originalCode === "23505") return true;
    e = record.cause;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Submitting
// ---------------------------------------------------------------------------

export type SubmitResult = { id: string; created: boolean };

/**
 * A partner's organisation expresses interest in a published opportunity, or
 * (themeSlug) in a theme as an open interest.
 *
 * There is at most one open expression per organisation and opportunity (or
 * theme): the partial unique indexes guarantee it. A second submission, from
 * a double click, another tab or a retry, gets the existing open expression
 * back with `created: false` instead of an error, so every caller lands on the
 * same one. The form's submission key finds the first result of a retry even
 * after that expression was withdrawn.
 */
export async function submitInterest(
  input: SubmitInterestValues & { organisationId: string; userId: string; now?: Date },
): Promise<SubmitResult> {
  const now = input.now ?? new Date();
  const city = { slug: env().CITY_SLUG };
  let themeId: string;
  let opportunityId: string | null = null;

  if (input.opportunitySlug) {
    const opportunity = await db.opportunity.findFirst({
      where: { slug: input.opportunitySlug, theme: { city } },
      select: { id: true, themeId: true, status: true, deadline: true },
    });
    if (!opportunity || opportunity.status === "DRAFT")
      throw new AppError("NOT_FOUND", "opportunity");
    if (opportunity.status !== "PUBLISHED")
      throw new AppError("UNPROCESSABLE", "opportunity closed", { details: { reason: "closed" } });
    // The deadline is a calendar day in Hohhot (Asia/Shanghai): see ./dates.ts.
    if (isPastDeadline(opportunity.deadline, now))
      throw new AppError("UNPROCESSABLE", "deadline passed", {
        details: { reason: "pastDeadline" },
      });
    themeId = opportunity.themeId;
    opportunityId = opportunity.id;
  } else if (input.themeSlug) {
    const theme = await db.theme.findFirst({
      where: { slug: input.themeSlug, city },
      select: { id: true },
    });
    if (!theme) throw new AppError("NOT_FOUND", "theme");
    themeId = theme.id;
  } else {
    throw new AppError("BAD_REQUEST", "no target");
  }

  const contact = await db.user.findFirst({
    where: { id: input.contactUserId, organisationId: input.organisationId, status: "ACTIVE" },
    select: { id: true },
  });
  if (!contact)
    throw new AppError("BAD_REQUEST", "contact person is not an active member", {
      fields: { contactUserId: "invalid" },
    });

  const findOpen = () =>
    db.expressionOfInterest.findFirst({
      where: {
        organisationId: input.organisationId,
        opportunityId,
        ...(opportunityId === null ? { themeId } : {}),
        status: { in: [...OPEN_STATUSES] },
      },
      select: { id: true },
    });

  if (input.submissionKey) {
    const earlier = await db.interestEvent.findFirst({
      where: {
        fromStatus: null,
        interest: { organisationId: input.organisationId },
        data: { path: ["submissionKey"], equals: input.submissionKey },
      },
      select: { interestId: true },
    });
    if (earlier) return { id: earlier.interestId, created: false };
  }
  const existing = await findOpen();
  if (existing) return { id: existing.id, created: false };

  try {
    const created = await db.$transaction(async (tx) => {
      const interest = await tx.expressionOfInterest.create({
        data: {
          organisationId: input.organisationId,
          themeId,
          opportunityId,
          motivation: input.motivation,
          cooperationType: input.cooperationType,
          contribution: input.contribution,
          timeline: input.timeline,
          contactUserId: contact.id,
          submittedById: input.userId,
        },
        select: { id: true },
      });
      await tx.interestEvent.create({
        data: {
          interestId: interest.id,
          kind: "STATUS",
          fromStatus: null,
          toStatus: "SUBMITTED",
          actorId: input.userId,
          data: input.submissionKey ? { submissionKey: input.submissionKey } : undefined,
        },
      });
      // No notification here: a new expression has no assignee yet. The
      // official it is assigned to hears of it then, and the daily digest
      // lists those that nobody took.
      return interest;
    });
    return { id: created.id, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another submission won the race: hand back the one that exists.
    const winner = await findOpen();
    if (winner) return { id: winner.id, created: false };
    throw new AppError("CONFLICT", "open expression vanished", { cause: error });
  }
}

// ---------------------------------------------------------------------------
// Status changes
// ---------------------------------------------------------------------------

const interestForChange = {
  id: true,
  status: true,
  version: true,
  organisationId: true,
  assigneeId: true,
  contactUserId: true,
  submittedById: true,
  firstReviewedAt: true,
  organisation: { select: { name: true } },
  opportunity: { select: { titleEn: true, titleZh: true } },
  theme: { select: { nameEn: true, nameZh: true } },
} satisfies Prisma.ExpressionOfInterestSelect;

type InterestForChange = Prisma.ExpressionOfInterestGetPayload<{
  select: typeof interestForChange;
}>;

function targetTitle(interest: InterestForChange, locale: Locale) {
  if (interest.opportunity)
    return locale === "zh" ? interest.opportunity.titleZh : interest.opportunity.titleEn;
  return locale === "zh" ? interest.theme.nameZh : interest.theme.nameEn;
}

/**
 * The CONFLICT for a stale version: who made the latest change and when, so
 * that the loser can be told and asked to reload. Partners get only the time
 * (officials' names stay with the officials).
 */
async function conflict(client: Tx, interestId: string, actor: Actor): Promise<AppError> {
  const latest = await client.interestEvent.findFirst({
    where: { interestId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  const details: Record<string, string> = {
    at: (latest?.createdAt ?? new Date()).toISOString(),
  };
  if (actor === "official") details.by = latest?.actor?.name ?? "";
  return new AppError("CONFLICT", `interest ${interestId} changed since it was read`, { details });
}

/** The partner's people to tell: contact person and submitter, or else every active member. */
async function partnerRecipients(tx: Tx, interest: InterestForChange, exceptUserId: string) {
  const named = [interest.contactUserId, interest.submittedById].filter(
    (id): id is string => id !== null,
  );
  const select = { id: true, email: true, name: true, locale: true } as const;
  let people = await tx.user.findMany({
    where: { id: { in: named }, organisationId: interest.organisationId, status: "ACTIVE" },
    select,
  });
  if (people.length === 0) {
    people = await tx.user.findMany({
      where: { organisationId: interest.organisationId, status: "ACTIVE", role: "PARTNER" },
      select,
    });
  }
  return people.filter((p) => p.id !== exceptUserId);
}

async function activeOfficial(tx: Tx, userId: string | null) {
  if (!userId) return null;
  return tx.user.findFirst({
    where: { id: userId, status: "ACTIVE", role: { in: [...OFFICIAL_ROLES] } },
    select: { id: true, email: true, name: true, locale: true },
  });
}

type Email = Parameters<typeof storeEmail>[1];

export type TransitionInput = {
  id: string;
  version: number;
  action: InterestAction;
  /** Visible to the partner: the question (requestInfo), the answer (reply), or a remark. */
  note?: string;
  declineReason?: DeclineReason;
  declineMessage?: string;
  actorId: string;
  /**
   * The partner's organisation, for the partner's actions (reply, withdraw):
   * the expression must belong to it, or it is NOT_FOUND. Officials pass none.
   */
  organisationId?: string;
  now?: Date;
};

export type TransitionResult = { id: string; status: InterestStatus; version: number };

/**
 * Moves an expression along the workflow (./state.ts). In one transaction:
 * the status change guarded by the version the caller read (optimistic lock:
 * UPDATE … WHERE id = $1 AND version = $2, then version + 1), the event with
 * who, when and the note, the audit row for an official's action, and the
 * notifications and outbox emails. If any of them fails, nothing changed.
 * A stale version is a CONFLICT naming the latest change.
 *
 * Emails: queueEmail writes with the global client, so it cannot join the
 * transaction; storeEmail writes the outbox row inside it instead, and the
 * deliveries are enqueued after the commit (email.sweep catches any that a
 * crash in between leaves behind).
 */
export async function transitionInterest(input: TransitionInput): Promise<TransitionResult> {
  const actor = actorOf(input.action);
  if (actor === "partner" && !input.organisationId)
    throw new AppError("FORBIDDEN", "a partner action needs the partner's organisation");
  const now = input.now ?? new Date();
  const emails: Email[] = [];

  const result = await db.$transaction(async (tx) => {
    const interest = await tx.expressionOfInterest.findFirst({
      where: {
        id: input.id,
        ...(actor === "partner" ? { organisationId: input.organisationId } : {}),
      },
      select: interestForChange,
    });
    if (!interest) throw new AppError("NOT_FOUND", "expression of interest");
    if (interest.version !== input.version) throw await conflict(tx, interest.id, actor);

    const to = nextStatus(interest.status, input.action);
    if (to === null)
      throw new AppError(
        "UNPROCESSABLE",
        `${input.action} is not allowed from ${interest.status}`,
        {
          details: { status: interest.status },
        },
      );

    const decline = input.action === "decline";
    if (decline && (!input.declineReason || !input.declineMessage))
      throw new AppError("BAD_REQUEST", "a decline needs a reason and a message", {
        fields: {
          ...(input.declineReason ? {} : { declineReason: "choose" }),
          ...(input.declineMessage ? {} : { declineMessage: "required" }),
        },
      });
    if ((input.action === "requestInfo" || input.action === "reply") && !input.note)
      throw new AppError("BAD_REQUEST", "a question or an answer is needed", {
        fields: { [input.action === "reply" ? "answer" : "note"]: "required" },
      });

    const { count } = await tx.expressionOfInterest.updateMany({
      where: { id: interest.id, version: input.version, status: interest.status },
      data: {
        status: to,
        version: { increment: 1 },
        ...(actor === "official" && interest.firstReviewedAt === null
          ? { firstReviewedAt: now }
          : {}),
        ...(isDecision(to) ? { decidedAt: now } : {}),
        ...(decline
          ? { declineReason: input.declineReason, declineMessage: input.declineMessage }
          : {}),
      },
    });
    if (count === 0) throw await conflict(tx, interest.id, actor);

    const note = decline ? input.declineMessage : input.note;
    await tx.interestEvent.create({
      data: {
        interestId: interest.id,
        kind: "STATUS",
        fromStatus: interest.status,
        toStatus: to,
        actorId: input.actorId,
        note: note ?? null,
        data: {
          action: input.action,
          ...(decline ? { declineReason: input.declineReason } : {}),
        },
        createdAt: now,
      },
    });
    if (actor === "official") {
      await writeAudit(tx, {
        actorId: input.actorId,
        action: `interest.${input.action}`,
        entityType: "ExpressionOfInterest",
        entityId: interest.id,
        data: {
          from: interest.status,
          to,
          // The note itself stays in the interest's history, not in the append-only log.
          ...(note ? { hasNote: true } : {}),
          ...(decline ? { declineReason: input.declineReason } : {}),
        },
      });
    }

    // Notifications: the partner on every status change (a request for
    // information is its own kind); the assigned official when the partner
    // replies or withdraws.
    const notifications: NewNotification[] = [];
    const data = { action: input.action, from: interest.status, to };
    for (const person of await partnerRecipients(tx, interest, input.actorId)) {
      const locale = localeOf(person.locale);
      const url = partnerInterestUrl(locale, interest.id);
      const target = targetTitle(interest, locale);
      const infoRequest = input.action === "requestInfo";
      notifications.push({
        userId: person.id,
        kind: infoRequest ? "interest.infoRequested" : "interest.status",
        interestId: interest.id,
        data,
      });
      emails.push(
        infoRequest
          ? {
              to: person.email,
              locale,
              template: "interest-info-request",
              data: { name: person.name, target, question: input.note ?? "", url },
            }
          : {
              to: person.email,
              locale,
              template: "interest-status",
              data: {
                name: person.name,
                target,
                status: to,
                url,
                ...(note ? { note } : {}),
                ...(decline ? { declineReason: input.declineReason } : {}),
              },
            },
      );
    }
    if (actor === "partner") {
      const assignee = await activeOfficial(tx, interest.assigneeId);
      if (assignee && assignee.id !== input.actorId) {
        const replied = input.action === "reply";
        notifications.push({
          userId: assignee.id,
          kind: replied ? "interest.replied" : "interest.withdrawn",
          interestId: interest.id,
          data,
        });
        if (replied) {
          const locale = localeOf(assignee.locale);
          emails.push({
            to: assignee.email,
            locale,
            template: "interest-replied",
            data: {
              name: assignee.name,
              target: targetTitle(interest, locale),
              organisationName: interest.organisation.name,
              url: officialInterestUrl(locale, interest.id),
            },
          });
        }
      }
    }
    await createNotifications(tx, notifications);
    const emailIds: string[] = [];
    for (const email of emails) emailIds.push(await storeEmail(tx, email));
    return { id: interest.id, status: to, version: input.version + 1, emailIds };
  });

  for (const id of result.emailIds) await enqueueDelivery(id);
  return { id: result.id, status: result.status, version: result.version };
}

/** The partner withdraws their expression, at any point before a decision. */
export function withdrawInterest(input: {
  id: string;
  version: number;
  note?: string;
  organisationId: string;
  actorId: string;
}) {
  return transitionInterest({ ...input, action: "withdraw" });
}

/** The partner answers a request for information: INFO_REQUESTED → PARTNER_REPLIED. */
export function replyToRequest(input: {
  id: string;
  version: number;
  answer: string;
  organisationId: string;
  actorId: string;
}) {
  const { answer, ...rest } = input;
  return transitionInterest({ ...rest, note: answer, action: "reply" });
}

// ---------------------------------------------------------------------------
// Bulk changes and assignment
// ---------------------------------------------------------------------------

export type ItemResult =
  | { id: string; ok: true; status: InterestStatus; version: number }
  | { id: string; ok: false; code: AppError["code"]; details?: Record<string, string> };

function failure(id: string, error: unknown): ItemResult {
  if (error instanceof AppError) return { id, ok: false, code: error.code, details: error.details };
  throw error;
}

/**
 * The same official action on many expressions: each is its own transaction
 * with its own version check, so one conflict does not undo the others. The
 * result says, per item, whether it moved or why not.
 */
export async function bulkTransitionInterests(input: {
  items: Array<{ id: string; version: number }>;
  action: OfficialAction;
  note?: string;
  declineReason?: DeclineReason;
  declineMessage?: string;
  actorId: string;
}): Promise<{ results: ItemResult[] }> {
  const { items, ...change } = input;
  const results: ItemResult[] = [];
  for (const item of items) {
    try {
      results.push({ ok: true, ...(await transitionInterest({ ...change, ...item })) });
    } catch (error) {
      results.push(failure(item.id, error));
    }
  }
  return { results };
}

/**
 * Assigns expressions to an official (or, assigneeId null, to nobody). Each
 * expression in its own transaction: the change (version + 1, so that anyone
 * holding the old version is told), an ASSIGNMENT event, the audit row, and a
 * notification and email to the new assignee (unless they assigned themselves).
 * Only open expressions can be assigned.
 */
export async function assignInterests(input: {
  ids: string[];
  assigneeId: string | null;
  actorId: string;
}): Promise<{ results: ItemResult[] }> {
  if (input.assigneeId !== null) {
    const official = await db.user.findFirst({
      where: { id: input.assigneeId, status: "ACTIVE", role: { in: [...OFFICIAL_ROLES] } },
      select: { id: true },
    });
    if (!official)
      throw new AppError("BAD_REQUEST", "assignee is not an active official", {
        fields: { assigneeId: "invalid" },
      });
  }
  const results: ItemResult[] = [];
  for (const id of input.ids) {
    try {
      results.push({ ok: true, ...(await assignOne(id, input.assigneeId, input.actorId)) });
    } catch (error) {
      results.push(failure(id, error));
    }
  }
  return { results };
}

async function assignOne(
  id: string,
  assigneeId: string | null,
  actorId: string,
): Promise<TransitionResult> {
  let emailId: string | null = null;
  const result = await db.$transaction(async (tx) => {
    const interest = await tx.expressionOfInterest.findUnique({
      where: { id },
      select: interestForChange,
    });
    if (!interest) throw new AppError("NOT_FOUND", "expression of interest");
    if (!(OPEN_STATUSES as readonly string[]).includes(interest.status))
      throw new AppError("UNPROCESSABLE", "only open expressions are assigned", {
        details: { status: interest.status },
      });
    if (interest.assigneeId === assigneeId)
      return { id, status: interest.status, version: interest.version };

    const { count } = await tx.expressionOfInterest.updateMany({
      where: { id, version: interest.version },
      data: { assigneeId, version: { increment: 1 } },
    });
    if (count === 0) throw await conflict(tx, id, "official");
    await tx.interestEvent.create({
      data: {
        interestId: id,
        kind: "ASSIGNMENT",
        fromStatus: interest.status,
        toStatus: interest.status,
        actorId,
        data: { from: interest.assigneeId, to: assigneeId },
      },
    });
    await writeAudit(tx, {
      actorId,
      action: "interest.assign",
      entityType: "ExpressionOfInterest",
      entityId: id,
      data: { from: interest.assigneeId, to: assigneeId },
    });
    const assignee =
      assigneeId && assigneeId !== actorId ? await activeOfficial(tx, assigneeId) : null;
    if (assignee) {
      await createNotifications(tx, [
        { userId: assignee.id, kind: "interest.assigned", interestId: id, data: { by: actorId } },
      ]);
      const locale = localeOf(assignee.locale);
      emailId = await storeEmail(tx, {
        to: assignee.email,
        locale,
        template: "interest-assigned",
        data: {
          name: assignee.name,
          target: targetTitle(interest, locale),
          organisationName: interest.organisation.name,
          url: officialInterestUrl(locale, id),
        },
      });
    }
    return { id, status: interest.status, version: interest.version + 1 };
  });
  if (emailId) await enqueueDelivery(emailId);
  return result;
}

// ---------------------------------------------------------------------------
// Internal notes
// ---------------------------------------------------------------------------

/** An official's internal note on an expression: never shown to the partner. */
export async function addInterestNote(input: {
  interestId: string;
  authorId: string;
  body: string;
}): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const interest = await tx.expressionOfInterest.findUnique({
      where: { id: input.interestId },
      select: { id: true },
    });
    if (!interest) throw new AppError("NOT_FOUND", "expression of interest");
    const note = await tx.interestNote.create({
      data: { interestId: interest.id, authorId: input.authorId, body: input.body },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: input.authorId,
      action: "interest.note",
      entityType: "ExpressionOfInterest",
      entityId: interest.id,
      data: { noteId: note.id },
    });
    return note;
  });
}

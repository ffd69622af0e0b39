import "server-only";
// Officials' writes to opportunities: save (create or edit), publish, close
// and reopen. Each takes explicit ids (never the session), runs in one
// transaction with its AuditLog row, refuses to overwrite a version newer
// than the one the official read (CONFLICT, naming who changed it and when),
// and queues re-scoring only after the transaction has committed.
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { requestTargetRescore } from "@/lib/matching/jobs";
import type { OpportunityFieldValues } from "./schema";
import { slugify } from "./schema";
import { isOpen, today } from "./visibility";

type Tx = Prisma.TransactionClient;

const FIELDS = [
  "titleEn",
  "titleZh",
  "descriptionEn",
  "descriptionZh",
  "hostNameEn",
  "hostNameZh",
  "themeId",
  "hostType",
  "cooperationTypes",
  "partnerTypes",
  "trlMin",
  "trlMax",
  "deadline",
] as const satisfies ReadonlyArray<keyof OpportunityFieldValues>;

/** The fields that change what the matching engine scores (lib/matching/targets.ts). */
const SCORED_FIELDS = new Set<string>([
  "titleEn",
  "titleZh",
  "descriptionEn",
  "descriptionZh",
  "themeId",
  "cooperationTypes",
  "partnerTypes",
  "trlMin",
  "trlMax",
]);

const SELECT = {
  id: true,
  slug: true,
  status: true,
  publishedAt: true,
  updatedAt: true,
  titleEn: true,
  titleZh: true,
  descriptionEn: true,
  descriptionZh: true,
  hostNameEn: true,
  hostNameZh: true,
  themeId: true,
  hostType: true,
  cooperationTypes: true,
  partnerTypes: true,
  trlMin: true,
  trlMax: true,
  deadline: true,
} satisfies Prisma.OpportunitySelect;

type Stored = Prisma.OpportunityGetPayload<{ select: typeof SELECT }>;

export type SavedOpportunity = {
  id: string;
  slug: string;
  status: "DRAFT" | "PUBLISHED" | "CLOSED";
  updatedAt: Date;
};

const dateOf = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const isoOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** A comparable, JSON-safe form of a field's value. */
function comparable(field: (typeof FIELDS)[number], value: unknown): unknown {
  if (field === "deadline") return value instanceof Date ? isoOf(value) : (value ?? null);
  return value;
}

/** Field -> new value, for the fields that differ (what the AuditLog row records). */
function changedFields(before: Stored | null, after: OpportunityFieldValues) {
  const changed: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const next = comparable(field, after[field]);
    const previous = before ? comparable(field, before[field]) : undefined;
    if (JSON.stringify(next) !== JSON.stringify(previous)) changed[field] = next;
  }
  return changed;
}

/** Who made the last recorded change to an opportunity, and when: for the CONFLICT message. */
async function lastChange(tx: Tx | Db, opportunityId: string, updatedAt: Date) {
  const entry = await tx.auditLog.findFirst({
    where: { entityType: "Opportunity", entityId: opportunityId },
    orderBy: { createdAt: "desc" },
    select: { actorId: true },
  });
  const actor = entry?.actorId
    ? await tx.user.findUnique({ where: { id: entry.actorId }, select: { name: true } })
    : null;
  return { at: updatedAt.toISOString(), ...(actor ? { by: actor.name } : {}) };
}

/**
 * Reads an opportunity for a change and checks the version the official saw.
 * The row is locked (FOR UPDATE) so that two saves of the same version cannot
 * both pass the check.
 */
async function lockVersion(tx: Tx, id: string, expectedUpdatedAt: Date): Promise<Stored> {
  await tx.$queryRaw`SELECT id FROM "Opportunity" WHERE id = ${id} FOR UPDATE`;
  const current = await tx.opportunity.findUnique({ where: { id }, select: SELECT });
  if (!current) throw new AppError("NOT_FOUND", `opportunity ${id}`);
  if (current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
    throw new AppError("CONFLICT", `opportunity ${id} changed since it was read`, {
      details: await lastChange(tx, id, current.updatedAt),
    });
  }
  return current;
}

/** A slug not used by another opportunity: the base, or the base with -2, -3… */
async function freeSlug(tx: Tx, base: string, ownId: string | null): Promise<string> {
  const taken = await tx.opportunity.findMany({
    where: { slug: { startsWith: base }, ...(ownId ? { NOT: { id: ownId } } : {}) },
    select: { slug: true },
  });
  const used = new Set(taken.map((row) => row.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Retries a transaction that lost a race for a slug (two opportunities with the same title at once). */
async function withSlugRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/**
 * Creates (no id) or edits an opportunity, and publishes it when asked.
 *
 * - A draft's slug follows its English title; once an opportunity has been
 *   published its slug never changes, so bookmarked links keep working.
 * - Publishing needs a deadline that is not in the past (whole UTC days);
 *   so does changing the deadline of a published opportunity.
 * - Publishing, or editing what the engine scores of a published
 *   opportunity, queues its re-scoring after the commit.
 */
export async function saveOpportunity(input: {
  actorId: string;
  id?: string;
  expectedUpdatedAt?: Date;
  values: OpportunityFieldValues;
  publish: boolean;
  now?: Date;
}): Promise<SavedOpportunity> {
  const now = input.now ?? new Date();
  const { values } = input;
  const deadline = dateOf(values.deadline);
  const deadlinePast = deadline !== null && deadline < today(now);

  const theme = await db.theme.findUnique({ where: { id: values.themeId }, select: { id: true } });
  if (!theme)
    throw new AppError("BAD_REQUEST", "unknown theme", { fields: { themeId: "required" } });

  const { saved, rescore } = await withSlugRetry(() =>
    db.$transaction(async (tx) => {
      let before: Stored | null = null;
      if (input.id) {
        if (!input.expectedUpdatedAt) throw new AppError("BAD_REQUEST", "updatedAt missing");
        before = await lockVersion(tx, input.id, input.expectedUpdatedAt);
      }
      const wasEverPublished = before?.publishedAt != null;
      const publishing = input.publish && before?.status !== "PUBLISHED";
      const status = input.publish ? "PUBLISHED" : (before?.status ?? "DRAFT");
      if (
        status === "PUBLISHED" &&
        deadlinePast &&
        (publishing || isoOf(before?.deadline ?? null) !== values.deadline)
      ) {
        throw new AppError("BAD_REQUEST", "deadline in the past", {
          fields: { deadline: "deadlinePast" },
        });
      }

      const keepSlug =
        before !== null &&
        (wasEverPublished || slugify(values.titleEn) === slugify(before.titleEn));
      const slug =
        keepSlug && before
          ? before.slug
          : await freeSlug(tx, slugify(values.titleEn), before?.id ?? null);

      const changed = changedFields(before, values);
      const data = {
        ...values,
        deadline,
        slug,
        status,
        ...(publishing && !wasEverPublished ? { publishedAt: now } : {}),
      } satisfies Prisma.OpportunityUncheckedUpdateInput;

      const saved = before
        ? await tx.opportunity.update({ where: { id: before.id }, data, select: SELECT })
        : await tx.opportunity.create({ data, select: SELECT });

      const action = publishing
        ? before?.status === "CLOSED"
          ? "opportunity.reopen"
          : "opportunity.publish"
        : before
          ? "opportunity.update"
          : "opportunity.create";
      await writeAudit(tx, {
        actorId: input.actorId,
        action,
        entityType: "Opportunity",
        entityId: saved.id,
        data: {
          changed,
          ...(before?.slug !== saved.slug ? { slug: saved.slug } : {}),
          ...(before?.status !== saved.status
            ? { status: { from: before?.status ?? null, to: saved.status } }
            : {}),
        } as Prisma.InputJsonValue,
      });
      const scoredChange = Object.keys(changed).some((field) => SCORED_FIELDS.has(field));
      return { saved, rescore: saved.status === "PUBLISHED" && (publishing || scoredChange) };
    }),
  );
  if (rescore) await requestTargetRescore("OPPORTUNITY", saved.id);
  return { id: saved.id, slug: saved.slug, status: saved.status, updatedAt: saved.updatedAt };
}

/**
 * Closes a published opportunity: the public page says it is closed and it
 * takes no new expressions of interest.
 *
 * Decision: closing does NOT queue a re-score and deletes no scores, so
 * officials keep the ranked list of who matched (to follow up on a call that
 * has just ended). The engine scores only published opportunities, so the
 * next full rebuild drops a closed one's scores; reopening re-scores it.
 */
export async function closeOpportunity(input: {
  actorId: string;
  id: string;
  expectedUpdatedAt: Date;
}): Promise<SavedOpportunity> {
  return db.$transaction(async (tx) => {
    const before = await lockVersion(tx, input.id, input.expectedUpdatedAt);
    if (before.status !== "PUBLISHED")
      throw new AppError("UNPROCESSABLE", `cannot close a ${before.status} opportunity`);
    const saved = await tx.opportunity.update({
      where: { id: before.id },
      data: { status: "CLOSED" },
      select: SELECT,
    });
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "opportunity.close",
      entityType: "Opportunity",
      entityId: saved.id,
      data: { status: { from: "PUBLISHED", to: "CLOSED" } },
    });
    return { id: saved.id, slug: saved.slug, status: saved.status, updatedAt: saved.updatedAt };
  });
}

/** Reopens a closed opportunity, if its deadline has not passed; queues its re-scoring. */
export async function reopenOpportunity(input: {
  actorId: string;
  id: string;
  expectedUpdatedAt: Date;
  now?: Date;
}): Promise<SavedOpportunity> {
  const now = input.now ?? new Date();
  const saved = await db.$transaction(async (tx) => {
    const before = await lockVersion(tx, input.id, input.expectedUpdatedAt);
    if (before.status !== "CLOSED")
      throw new AppError("UNPROCESSABLE", `cannot reopen a ${before.status} opportunity`);
    if (!isOpen({ status: "PUBLISHED", deadline: before.deadline }, now))
      throw new AppError("UNPROCESSABLE", "deadline passed", {
        fields: { _form: "deadlinePassedReopen" },
      });
    const saved = await tx.opportunity.update({
      where: { id: before.id },
      data: { status: "PUBLISHED" },
      select: SELECT,
    });
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "opportunity.reopen",
      entityType: "Opportunity",
      entityId: saved.id,
      data: { status: { from: "CLOSED", to: "PUBLISHED" } },
    });
    return saved;
  });
  await requestTargetRescore("OPPORTUNITY", saved.id);
  return { id: saved.id, slug: saved.slug, status: saved.status, updatedAt: saved.updatedAt };
}

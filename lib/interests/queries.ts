import "server-only";
// What partners read of their organisation's expressions of interest, the
// context of the submission form, and the history of one expression (shared
// with the officials' review pages). The organisation sits in every WHERE
// clause; internal notes (InterestNote) are never read here.
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type {
  CooperationType,
  DeclineReason,
  InterestEventKind,
  InterestStatus,
  Role,
} from "@/lib/generated/prisma/enums";
import { isPastDeadline } from "./dates";
import { OPEN_STATUSES } from "./state";

export const MY_INTERESTS_PAGE_SIZE = 20;

export type HistoryAudience = "partner" | "official";

export type InterestHistoryEvent = {
  id: string;
  kind: InterestEventKind;
  fromStatus: InterestStatus | null;
  toStatus: InterestStatus;
  /** The note the partner sees: a question, an answer, a decline message, a remark. */
  note: string | null;
  /** The action that caused the change (e.g. "requestInfo"), when recorded. */
  action: string | null;
  declineReason: DeclineReason | null;
  createdAt: Date;
  /**
   * Who acted. For the partner, officials appear only as the role (the city's
   * team), never by name; partners' own colleagues appear by name.
   */
  actor: { id: string | null; name: string | null; role: Role | null };
  /** ASSIGNMENT events (officials only): the assignee before and after. */
  assignment?: {
    from: { id: string; name: string } | null;
    to: { id: string; name: string } | null;
  };
};

type EventData = {
  action?: unknown;
  declineReason?: unknown;
  from?: unknown;
  to?: unknown;
};

const asString = (v: unknown) => (typeof v === "string" ? v : null);

/**
 * The history of one expression, oldest first. The partner sees the status
 * changes only (assignments are internal) and officials without their names;
 * officials see everything, assignments with the names of both assignees.
 * Two queries whatever the length (events, then the assignees' names).
 * The caller has already checked that the audience may see the expression.
 */
export async function loadInterestHistory(
  interestId: string,
  audience: HistoryAudience,
): Promise<InterestHistoryEvent[]> {
  const events = await db.interestEvent.findMany({
    where: { interestId, ...(audience === "partner" ? { kind: "STATUS" } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      fromStatus: true,
      toStatus: true,
      note: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true, role: true } },
    },
  });

  const assigneeIds = new Set<string>();
  if (audience === "official") {
    for (const e of events) {
      if (e.kind !== "ASSIGNMENT") continue;
      const data = (e.data ?? {}) as EventData;
      for (const id of [asString(data.from), asString(data.to)]) if (id) assigneeIds.add(id);
    }
  }
  const names =
    assigneeIds.size > 0
      ? new Map(
          (
            await db.user.findMany({
              where: { id: { in: [...assigneeIds] } },
              select: { id: true, name: true },
            })
          ).map((u) => [u.id, u.name]),
        )
      : new Map<string, string>();
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? "" } : null);

  return events.map((e) => {
    const data = (e.data ?? {}) as EventData;
    const hideName = audience === "partner" && e.actor !== null && e.actor.role !== "PARTNER";
    return {
      id: e.id,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      action: asString(data.action),
      declineReason: asString(data.declineReason) as DeclineReason | null,
      createdAt: e.createdAt,
      actor: {
        id: hideName ? null : (e.actor?.id ?? null),
        name: hideName ? null : (e.actor?.name ?? null),
        role: e.actor?.role ?? null,
      },
      ...(e.kind === "ASSIGNMENT"
        ? {
            assignment: {
              from: person(asString(data.from)),
              to: person(asString(data.to)),
            },
          }
        : {}),
    };
  });
}

const targetSelect = {
  opportunity: { select: { slug: true, titleEn: true, titleZh: true } },
  theme: { select: { slug: true, nameEn: true, nameZh: true } },
} as const;

/**
 * "My interests": one page of the organisation's expressions, newest first,
 * each with its status changes (for the compact timeline). Three queries:
 * the count, the page, the page's events.
 */
export async function listMyInterests(organisationId: string, page = 1) {
  const where = { organisationId };
  const total = await db.expressionOfInterest.count({ where });
  const pages = Math.max(1, Math.ceil(total / MY_INTERESTS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.expressionOfInterest.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * MY_INTERESTS_PAGE_SIZE,
    take: MY_INTERESTS_PAGE_SIZE,
    select: {
      id: true,
      status: true,
      cooperationType: true,
      createdAt: true,
      updatedAt: true,
      ...targetSelect,
      events: {
        where: { kind: "STATUS" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, toStatus: true, createdAt: true },
      },
    },
  });
  return {
    total,
    page: current,
    pages,
    rows: rows.map((row) => ({
      ...row,
      lastChangeAt: row.events.at(-1)?.createdAt ?? row.createdAt,
    })),
  };
}
export type MyInterestRow = Awaited<ReturnType<typeof listMyInterests>>["rows"][number];

/** One expression of the organisation, with its partner-visible history; null if not theirs. */
export const getMyInterest = cache(async (organisationId: string, id: string) => {
  const interest = await db.expressionOfInterest.findFirst({
    where: { id, organisationId },
    select: {
      id: true,
      status: true,
      version: true,
      motivation: true,
      cooperationType: true,
      contribution: true,
      timeline: true,
      declineReason: true,
      declineMessage: true,
      decidedAt: true,
      createdAt: true,
      updatedAt: true,
      contactUser: { select: { id: true, name: true } },
      submittedBy: { select: { id: true, name: true } },
      ...targetSelect,
    },
  });
  if (!interest) return null;
  const history = await loadInterestHistory(interest.id, "partner");
  return { ...interest, history };
});
export type MyInterest = NonNullable<Awaited<ReturnType<typeof getMyInterest>>>;

/** The organisation's open expression for an opportunity, or for a theme (open interest). */
export async function findOpenInterest(
  organisationId: string,
  target: { opportunityId: string } | { themeId: string },
): Promise<{ id: string; status: InterestStatus } | null> {
  return db.expressionOfInterest.findFirst({
    where: {
      organisationId,
      status: { in: [...OPEN_STATUSES] },
      ...("opportunityId" in target
        ? { opportunityId: target.opportunityId }
        : { themeId: target.themeId, opportunityId: null }),
    },
    select: { id: true, status: true },
  });
}

export type InterestTarget =
  | {
      kind: "opportunity";
      slug: string;
      titleEn: string;
      titleZh: string;
      themeSlug: string;
      /** "open", or why it no longer takes expressions of interest. */
      state: "open" | "closed" | "pastDeadline";
      deadline: Date | null;
    }
  | { kind: "theme"; slug: string; titleEn: string; titleZh: string; state: "open" };

export type InterestFormContext = {
  target: InterestTarget;
  members: Array<{ id: string; name: string; email: string }>;
  existing: { id: string; status: InterestStatus } | null;
  cooperationTypes: CooperationType[];
};

/**
 * What the submission form needs: the target (a published or closed
 * opportunity of the city, or a theme), whether it still takes expressions,
 * the organisation's active members (the contact person), and the open
 * expression the organisation already has for it. Null when the target does
 * not exist (or is a draft).
 */
export async function getInterestFormContext(input: {
  organisationId: string;
  opportunitySlug?: string;
  themeSlug?: string;
  now?: Date;
}): Promise<InterestFormContext | null> {
  const city = { slug: env().CITY_SLUG };
  let target: InterestTarget;
  let existingTarget: { opportunityId: string } | { themeId: string };
  let cooperationTypes: CooperationType[] = [];
  if (input.opportunitySlug) {
    const opportunity = await db.opportunity.findFirst({
      where: {
        slug: input.opportunitySlug,
        status: { in: ["PUBLISHED", "CLOSED"] },
        theme: { city },
      },
      select: {
        id: true,
        slug: true,
        titleEn: true,
        titleZh: true,
        status: true,
        deadline: true,
        cooperationTypes: true,
        theme: { select: { slug: true } },
      },
    });
    if (!opportunity) return null;
    target = {
      kind: "opportunity",
      slug: opportunity.slug,
      titleEn: opportunity.titleEn,
      titleZh: opportunity.titleZh,
      themeSlug: opportunity.theme.slug,
      deadline: opportunity.deadline,
      state:
        opportunity.status !== "PUBLISHED"
          ? "closed"
          : isPastDeadline(opportunity.deadline, input.now)
            ? "pastDeadline"
            : "open",
    };
    cooperationTypes = opportunity.cooperationTypes;
    existingTarget = { opportunityId: opportunity.id };
  } else if (input.themeSlug) {
    const theme = await db.theme.findFirst({
      where: { slug: input.themeSlug, city },
      select: { id: true, slug: true, nameEn: true, nameZh: true },
    });
    if (!theme) return null;
    target = {
      kind: "theme",
      slug: theme.slug,
      titleEn: theme.nameEn,
      titleZh: theme.nameZh,
      state: "open",
    };
    existingTarget = { themeId: theme.id };
  } else {
    return null;
  }
  const [members, existing] = await Promise.all([
    db.user.findMany({
      where: { organisationId: input.organisationId, status: "ACTIVE", role: "PARTNER" },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, email: true },
    }),
    findOpenInterest(input.organisationId, existingTarget),
  ]);
  return { target, members, existing, cooperationTypes };
}

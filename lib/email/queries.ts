import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const OUTBOX_PAGE_SIZE = 25;

export type OutboxFilter = { page: number; to?: string };

/**
 * The outbox for administrators: every EmailMessage, newest first, one page
 * at a time, optionally only those to one address (case-insensitive).
 */
export async function listOutbox({ page, to }: OutboxFilter) {
  const where = to ? { to: { equals: to, mode: "insensitive" as const } } : {};
  const total = await db.emailMessage.count({ where });
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const items = await db.emailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: {
      id: true,
      to: true,
      subject: true,
      template: true,
      status: true,
      attempts: true,
      createdAt: true,
    },
  });
  return { items, total, page: current, pages };
}

/** One message with what the list leaves out: bodies, delivery details, the sender. */
export async function getOutboxMessage(id: string) {
  const message = await db.emailMessage.findUnique({ where: { id } });
  if (!message) return null;
  return { ...message, from: env().EMAIL_FROM };
}

import type { Prisma } from "@/lib/generated/prisma/client";

/** Start of today in UTC: deadlines are whole days. */
export function today(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Published and not past its deadline: what the public and partners can act on. */
export function openOpportunityWhere(now = new Date()): Prisma.OpportunityWhereInput {
  return { status: "PUBLISHED", OR: [{ deadline: null }, { deadline: { gte: today(now) } }] };
}

/** Whether an opportunity still accepts expressions of interest. */
export function isOpen(
  opportunity: { status: string; deadline: Date | null },
  now = new Date(),
): boolean {
  if (opportunity.status !== "PUBLISHED") return false;
  return opportunity.deadline === null || opportunity.deadline >= today(now);
}

import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { USERS_PAGE_SIZE, type UserFilter } from "./schema";

/** The members of one organisation: the scope is the WHERE clause. */
export async function listOrganisationMembers(organisationId: string) {
  return db.user.findMany({
    where: { organisationId },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      email: true,
      status: true,
      createdAt: true,
      lastLoginAt: true,
    },
  });
}

/** One page of every account, for administrators, filtered and searched. */
export async function listUsers(filter: UserFilter) {
  const where: Prisma.UserWhereInput = {
    role: filter.role,
    status: filter.status,
    ...(filter.q
      ? {
          OR: [
            { email: { contains: filter.q, mode: "insensitive" } },
            { name: { contains: filter.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const total = await db.user.count({ where });
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const users = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      status: true,
      lastLoginAt: true,
      createdAt: true,
      organisation: { select: { name: true } },
    },
  });
  return { users, total, page, pages };
}

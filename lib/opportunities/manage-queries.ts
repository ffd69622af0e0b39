import "server-only";
// What the officials' opportunity management reads: every opportunity of the
// city (drafts too), one page at a time, and one opportunity for its form.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleToOfficials } from "@/lib/matching/official-queries";
import { GOOD_SCORE } from "@/lib/matching/official-schema";
import { MANAGE_PAGE_SIZE, type ManageFilter } from "./schema";

/** The city's themes, for the form's select and the list's filter. */
export async function listThemeChoices(citySlug: string = env().CITY_SLUG) {
  return db.theme.findMany({
    where: { city: { slug: citySlug } },
    orderBy: [{ area: { order: "asc" } }, { order: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, nameEn: true, nameZh: true },
  });
}

/**
 * One page of the city's opportunities, newest change first, with the number
 * of organisations (visible to officials) scoring GOOD_SCORE or more: two
 * queries for the page plus one grouped count, whatever the page size.
 */
export async function listManagedOpportunities(
  filter: ManageFilter,
  citySlug: string = env().CITY_SLUG,
) {
  const where: Prisma.OpportunityWhereInput = {
    theme: { city: { slug: citySlug }, ...(filter.theme ? { slug: filter.theme } : {}) },
    ...(filter.status ? { status: filter.status } : {}),
  };
  const total = await db.opportunity.count({ where });
  const pages = Math.max(1, Math.ceil(total / MANAGE_PAGE_SIZE));
  const page = Math.min(filter.page ?? 1, pages);
  const rows = await db.opportunity.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * MANAGE_PAGE_SIZE,
    take: MANAGE_PAGE_SIZE,
    select: {
      id: true,
      slug: true,
      titleEn: true,
      titleZh: true,
      status: true,
      deadline: true,
      publishedAt: true,
      updatedAt: true,
      theme: { select: { slug: true, nameEn: true, nameZh: true } },
    },
  });
  const counts = rows.length
    ? await db.matchScore.groupBy({
        by: ["targetId"],
        where: {
          targetKind: "OPPORTUNITY",
          targetId: { in: rows.map((row) => row.id) },
          score: { gte: GOOD_SCORE },
          organisation: visibleToOfficials,
        },
        _count: { _all: true },
      })
    : [];
  const good = new Map(counts.map((row) => [row.targetId, row._count._all]));
  return {
    opportunities: rows.map((row) => ({ ...row, goodMatches: good.get(row.id) ?? 0 })),
    total,
    page,
    pages,
    pageSize: MANAGE_PAGE_SIZE,
  };
}

/** One opportunity of the city, whatever its status, for the edit form. */
export async function getManagedOpportunity(id: string, citySlug: string = env().CITY_SLUG) {
  return db.opportunity.findFirst({
    where: { id, theme: { city: { slug: citySlug } } },
    select: {
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
    },
  });
}

export type ManagedOpportunity = NonNullable<Awaited<ReturnType<typeof getManagedOpportunity>>>;

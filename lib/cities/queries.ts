import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { openOpportunityWhere } from "@/lib/opportunities/visibility";

/** The city this deployment serves, with its figures, areas and themes. */
export const getCityProfile = cache(async (slug: string = env().CITY_SLUG) => {
  const city = await db.city.findUnique({
    where: { slug },
    include: {
      facts: { orderBy: { order: "asc" } },
      areas: {
        orderBy: { order: "asc" },
        include: {
          themes: {
            orderBy: { order: "asc" },
            include: { _count: { select: { opportunities: { where: openOpportunityWhere() } } } },
          },
        },
      },
    },
  });
  return city;
});

export type CityProfile = NonNullable<Awaited<ReturnType<typeof getCityProfile>>>;

/**
 * The city's names alone, for the title every page carries (the shared
 * layout's metadata): one primary-key-sized read instead of the profile's
 * figures, areas, themes and their open opportunities.
 */
export const getCityNames = cache(async (slug: string = env().CITY_SLUG) =>
  db.city.findUnique({ where: { slug }, select: { nameEn: true, nameZh: true } }),
);

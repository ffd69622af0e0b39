import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { openOpportunityWhere } from "@/lib/opportunities/visibility";

/** A theme of the deployment's city with its open opportunities, soonest deadline first. */
export const getThemeWithOpportunities = cache(async (slug: string) => {
  return db.theme.findFirst({
    where: { slug, city: { slug: env().CITY_SLUG } },
    include: {
      area: true,
      opportunities: {
        where: openOpportunityWhere(),
        orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { titleEn: "asc" }],
      },
    },
  });
});

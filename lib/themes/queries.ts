import "server-only";
import { cache } from "react";
import type { Caller } from "@/lib/auth/gate";
import { getCityProfile } from "@/lib/cities/queries";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { findOpenInterest } from "@/lib/interests/queries";
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

/**
 * Everything the public theme page reads: the theme with its open
 * opportunities, the city, and (for a partner) the organisation's open
 * interest in the theme. Null when the theme is not the city's.
 */
export async function loadThemePage(slug: string, caller: Caller | null) {
  const [theme, city] = await Promise.all([getThemeWithOpportunities(slug), getCityProfile()]);
  if (!theme || !city) return null;
  const partnerOrganisation =
    caller?.role === "PARTNER" && caller.organisationId ? caller.organisationId : null;
  const existing = partnerOrganisation
    ? await findOpenInterest(partnerOrganisation, { themeId: theme.id })
    : null;
  return { theme, city, partnerOrganisation, existing };
}

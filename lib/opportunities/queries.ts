import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** A public opportunity: published or closed; drafts stay with the officials. */
export const getPublicOpportunity = cache(async (slug: string) => {
  return db.opportunity.findFirst({
    where: {
      slug,
      status: { in: ["PUBLISHED", "CLOSED"] },
      theme: { city: { slug: env().CITY_SLUG } },
    },
    include: { theme: { include: { area: true } } },
  });
});

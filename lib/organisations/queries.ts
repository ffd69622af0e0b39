import "server-only";
import { cache } from "react";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * The caller's own organisation with its themes, or null when the caller
 * has none. Scoped by the caller's organisation id in the WHERE clause.
 */
export const getOwnOrganisation = cache(async (caller: Caller) => {
  if (!caller.organisationId) return null;
  return db.organisation.findFirst({
    where: { id: caller.organisationId },
    select: {
      id: true,
      name: true,
      type: true,
      country: true,
      city: true,
      website: true,
      sizeBand: true,
      description: true,
      keywords: true,
      trlMin: true,
      trlMax: true,
      cooperationTypes: true,
      partnerTypes: true,
      languages: true,
      onboardingStep: true,
      consentedAt: true,
      lastConfirmedAt: true,
      themes: {
        select: {
          theme: {
            select: {
              id: true,
              slug: true,
              nameEn: true,
              nameZh: true,
              order: true,
              area: { select: { order: true } },
            },
          },
        },
      },
    },
  });
});

export type OwnOrganisation = NonNullable<Awaited<ReturnType<typeof getOwnOrganisation>>>;

/** The themes a partner can choose from: the deployment city's, in the city's order. */
export const getThemeOptions = cache(async () => {
  return db.theme.findMany({
    where: { city: { slug: env().CITY_SLUG } },
    orderBy: [{ area: { order: "asc" } }, { order: "asc" }],
    select: {
      id: true,
      slug: true,
      nameEn: true,
      nameZh: true,
      keywordsEn: true,
      keywordsZh: true,
    },
  });
});

export type ThemeOption = Awaited<ReturnType<typeof getThemeOptions>>[number];

/** The organisation's themes in the city's order. */
export function sortedThemes(organisation: OwnOrganisation) {
  return organisation.themes
    .map((link) => link.theme)
    .sort((a, b) => a.area.order - b.area.order || a.order - b.order);
}

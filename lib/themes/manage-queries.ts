import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** A theme of the city with its keywords and version, for the officials' keyword form. */
export async function getThemeKeywords(slug: string, citySlug: string = env().CITY_SLUG) {
  return db.theme.findFirst({
    where: { slug, city: { slug: citySlug } },
    select: {
      id: true,
      slug: true,
      nameEn: true,
      nameZh: true,
      keywordsEn: true,
      keywordsZh: true,
      updatedAt: true,
    },
  });
}

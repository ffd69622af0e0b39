"use server";

import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { createAction } from "@/lib/server/action";
import { updateThemeKeywords } from "./mutations";
import { themeKeywordsSchema } from "./schema";

/** Officials and admins edit a theme's matching keywords; scores are rebuilt in the background. */
export const saveThemeKeywordsAction = createAction(
  { schema: themeKeywordsSchema, access: { roles: OFFICIAL_ROLES }, name: "themes.keywords" },
  async ({ themeId, updatedAt, keywordsEn, keywordsZh }, { caller }) => {
    const result = await updateThemeKeywords({
      actorId: caller!.userId,
      themeId,
      expectedUpdatedAt: new Date(updatedAt),
      keywordsEn,
      keywordsZh,
    });
    return { changed: result.changed, updatedAt: result.updatedAt.toISOString() };
  },
);

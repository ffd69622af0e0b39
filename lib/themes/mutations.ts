import "server-only";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { requestRebuild } from "@/lib/matching/jobs";

/**
 * Replaces a theme's English and Chinese keywords (already normalised by
 * the schema), if the theme is still the version the official read. The
 * AuditLog row records what was added and removed. Keywords feed the concept
 * index of every organisation and target, so a change queues a full rebuild
 * of the scores, after the commit. Returns whether anything changed.
 */
export async function updateThemeKeywords(input: {
  actorId: string;
  themeId: string;
  expectedUpdatedAt: Date;
  keywordsEn: string[];
  keywordsZh: string[];
}) {
  const result = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Theme" WHERE id = ${input.themeId} FOR UPDATE`;
    const theme = await tx.theme.findUnique({
      where: { id: input.themeId },
      select: { id: true, keywordsEn: true, keywordsZh: true, updatedAt: true },
    });
    if (!theme) throw new AppError("NOT_FOUND", "theme");
    if (theme.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
      const last = await tx.auditLog.findFirst({
        where: { entityType: "Theme", entityId: theme.id },
        orderBy: { createdAt: "desc" },
        select: { actorId: true },
      });
      const actor = last?.actorId
        ? await tx.user.findUnique({ where: { id: last.actorId }, select: { name: true } })
        : null;
      throw new AppError("CONFLICT", "theme changed since it was read", {
        details: { at: theme.updatedAt.toISOString(), ...(actor ? { by: actor.name } : {}) },
      });
    }
    const diff = (before: string[], after: string[]) => ({
      added: after.filter((k) => !before.includes(k)),
      removed: before.filter((k) => !after.includes(k)),
    });
    const en = diff(theme.keywordsEn, input.keywordsEn);
    const zh = diff(theme.keywordsZh, input.keywordsZh);
    const changed =
      JSON.stringify(theme.keywordsEn) !== JSON.stringify(input.keywordsEn) ||
      JSON.stringify(theme.keywordsZh) !== JSON.stringify(input.keywordsZh);
    if (!changed) return { changed: false, updatedAt: theme.updatedAt };
    const saved = await tx.theme.update({
      where: { id: theme.id },
      data: { keywordsEn: input.keywordsEn, keywordsZh: input.keywordsZh },
      select: { updatedAt: true },
    });
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "theme.keywords",
      entityType: "Theme",
      entityId: theme.id,
      data: { keywordsEn: en, keywordsZh: zh },
    });
    return { changed: true, updatedAt: saved.updatedAt };
  });
  if (result.changed) await requestRebuild();
  return result;
}

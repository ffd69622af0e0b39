import "server-only";
// POST /api/v1/organisations/import: the body is the file. The format comes
// from the Content-Type; the size is bounded while reading; the import
// engine (lib/import/run.ts) checks every row and writes all or nothing.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { detectFormat, IMPORT_MAX_BYTES, importOrganisations } from "@/lib/import/run";
import { enforce, type RateLimitRule } from "@/lib/rate-limit";
import { readBodyText } from "./body";

/** Imports per token and hour, on top of the API's general limit: each may hold 20 MB. */
export const API_IMPORT_RATE_LIMIT: RateLimitRule = { limit: 60, windowSeconds: 60 * 60 };

export const IMPORT_CONTENT_TYPES = ["text/csv", "application/x-ndjson"] as const;

export async function runApiImport(request: Request, actorId: string) {
  const format = detectFormat(request.headers.get("content-type"));
  if (!format)
    throw new AppError("BAD_REQUEST", "import content type", {
      fields: { "Content-Type": `Must be ${IMPORT_CONTENT_TYPES.join(" or ")}` },
    });
  const content = await readBodyText(request, IMPORT_MAX_BYTES);
  if (content.trim() === "")
    throw new AppError("BAD_REQUEST", "empty import", { fields: { body: "The file is empty" } });
  await enforce([{ key: `api:import:${actorId}`, rule: API_IMPORT_RATE_LIMIT }]);
  return importOrganisations(db, { content, format, source: "api", actorId, locale: "en" });
}

import "server-only";
// The upload page's route handlers (app/api/official/imports/**), defined
// here so that integration tests can call them. Cookie-authenticated, so a
// POST must come from the app's own pages: the Origin header is checked.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { logger } from "@/lib/server/logger";
import { createRoute } from "@/lib/server/route";
import { queueImportRun } from "./jobs";
import { importTranslator } from "./messages";
import { createPendingImport, failPendingImport } from "./mutations";
import { getImportRun } from "./queries";
import { detectFormat, IMPORT_MAX_BYTES, sniffFormat } from "./run";

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 64 * 1024;

/** The Origin must name this app: its public URL, or the host the request was sent to. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  try {
    allowed.add(new URL(env().NEXTAUTH_URL).host);
  } catch {}
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) allowed.add(forwarded);
  const hostHeader = request.headers.get("host");
  if (hostHeader) allowed.add(hostHeader);
  else allowed.add(new URL(request.url).host);
  return allowed.has(host);
}

/** POST multipart/form-data with `file` (and optionally `locale`): stores and queues the import. */
export const postImport = createRoute({ roles: OFFICIAL_ROLES }, async (request, { caller }) => {
  if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "cross-origin import upload");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > IMPORT_MAX_BYTES + ENVELOPE_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `import upload of ${declared} bytes`);
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new AppError("BAD_REQUEST", "no file in upload");
  if (file.size > IMPORT_MAX_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `import file of ${file.size} bytes`);
  if (file.size === 0) throw new AppError("BAD_REQUEST", "empty import file");

  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AppError("BAD_REQUEST", "import file is not UTF-8", {
      details: { reason: "encoding" },
    });
  }
  const type = file.type || null;
  const isPlainText = /^text\/plain\b/i.test(file.type) || /\.txt$/i.test(file.name);
  const format = detectFormat(type, file.name) ?? (isPlainText ? sniffFormat(content) : null);
  if (!format)
    throw new AppError("BAD_REQUEST", `import file type ${file.type} ${file.name}`, {
      details: { reason: "type" },
    });

  const requested = form.get("locale");
  const locale =
    requested === "zh" || requested === "en" ? requested : caller!.locale === "zh" ? "zh" : "en";
  const run = await createPendingImport(db, {
    actorId: caller!.userId,
    format,
    fileName: file.name || null,
    content,
  });
  try {
    await queueImportRun(run.id, locale);
  } catch (error) {
    logger.error({ err: error, runId: run.id }, "could not queue an import");
    await failPendingImport(db, run.id, importTranslator(locale)("failed"));
    throw new AppError("UNAVAILABLE", "import queue unreachable", { cause: error });
  }
  return NextResponse.json(
    { id: run.id },
    { status: 202, headers: { "Cache-Control": "no-store" } },
  );
});

/** GET: one import's progress and outcome, for the status page's polling. */
export const getImport = createRoute<{ id: string }>(
  { roles: OFFICIAL_ROLES },
  async (_request, { params }) => {
    const run = await getImportRun(params.id);
    if (!run) throw new AppError("NOT_FOUND", "import run");
    return NextResponse.json(run, { headers: { "Cache-Control": "no-store" } });
  },
);

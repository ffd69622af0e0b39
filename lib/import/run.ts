// Bulk import of organisations from CSV or JSON Lines, for the upload page
// (through the "imports.run" job), the REST API and `npm run import`.
// No "server-only" here: scripts use it, with their own Prisma client.
//
// All or nothing: every row is checked first (schema, repeated externalRef,
// unknown theme, registered organisation) and the report lists every error
// by row; only a clean file is written, in one transaction.
//
// Rules for updates: a row whose externalRef exists updates that
// organisation only while it is an imported record nobody has registered
// (origin IMPORTED and no members). A row naming a registered organisation,
// or an imported one that members have since joined, is an error: its
// members own the profile. An update replaces every imported field (name,
// type, country, city, website, description, keywords, declared themes):
// a row describes the whole organisation, so an empty cell clears a field.
// Rows without externalRef always create new organisations.
//
// Progress is written to the ImportRun row with the plain client, outside
// the transaction, so that other requests can read it while it runs.
import { randomBytes } from "node:crypto";
import { writeAudit } from "@/lib/audit/write";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { msg } from "@/lib/validation/fields";
import { type ImportLocale, importTranslator } from "./messages";
import { type ImportFormat, parseFile, type RawRowError } from "./parse";
import { importRowSchema } from "./schema";
import { type ValidRow, validateRecords } from "./validate";

export type { ImportFormat } from "./parse";

export type ImportRowError = { row: number; field: string; message: string };

export type ImportResult = { runId: string } & (
  | { ok: true; created: number; updated: number }
  | { ok: false; errors: ImportRowError[] }
);

export type ImportInput = {
  content: string;
  format: ImportFormat;
  source: "ui" | "cli" | "api";
  actorId: string | null;
  fileName?: string;
  locale?: ImportLocale;
  /** An ImportRun already stored (status PENDING), e.g. by the upload route; else one is created. */
  runId?: string;
};

export type ImportProgress = { phase: "validating" | "importing"; done: number; total: number };

export type ImportOptions = {
  onProgress?: (p: ImportProgress) => void;
  /**
   * What to do about match scores after the commit: "queue" (default) asks
   * the job queue (re-score each organisation, or a full rebuild above
   * REBUILD_THRESHOLD rows); "inline" runs the engine here (the command
   * line, where no worker may run); "skip" leaves it to the caller.
   */
  rescore?: "queue" | "inline" | "skip";
  /** Called after the commit, before scores are queued or recomputed. */
  onRescore?: (p: { kind: "organisations" | "rebuild"; count: number }) => void;
};

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;
/** Above this many rows, scores are rebuilt as a whole rather than per organisation. */
export const REBUILD_THRESHOLD = 500;
/** At most this many errors are reported (and stored); a last line counts the rest. */
export const MAX_REPORTED_ERRORS = 1000;

const CHUNK = 1000;
const TRANSACTION_OPTIONS = { timeout: 10 * 60_000, maxWait: 30_000 };

/** The format of an upload, from its Content-Type or else its file name; null when neither says. */
export function detectFormat(contentType: string | null, fileName?: string): ImportFormat | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/csv" || type === "application/csv" || type === "application/vnd.ms-excel")
    return "CSV";
  if (
    type === "application/jsonl" ||
    type === "application/x-ndjson" ||
    type === "application/x-jsonlines" ||
    type === "application/jsonlines" ||
    type === "application/ndjson" ||
    type === "text/jsonl"
  )
    return "JSONL";
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension === "csv") return "CSV";
  if (extension === "jsonl" || extension === "ndjson") return "JSONL";
  return null;
}

/** For a .txt or text/plain upload: a file whose first non-blank character is "{" is JSON Lines. */
export function sniffFormat(content: string): ImportFormat {
  return content
    .replace(/^\uFEFF/, "")
    .trimStart()
    .startsWith("{")
    ? "JSONL"
    : "CSV";
}

/** A new id in the shape of Prisma's cuid(): "c", the time, random characters. */
function newId(): string {
  const random = randomBytes(12)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0");
  return `c${Date.now().toString(36)}${random}`.slice(0, 25);
}

type Existing = { id: string; externalRef: string; origin: string; members: number };

async function findExisting(
  db: Pick<PrismaClient, "$queryRaw">,
  refs: string[],
  lock: boolean,
): Promise<Existing[]> {
  if (refs.length === 0) return [];
  const rows = lock
    ? await db.$queryRaw<Existing[]>`
        SELECT o.id, o."externalRef", o.origin::text AS origin,
          (SELECT count(*)::int FROM "User" u WHERE u."organisationId" = o.id) AS members
        FROM "Organisation" o WHERE o."externalRef" = ANY(${refs}::text[]) FOR UPDATE`
    : await db.$queryRaw<Existing[]>`
        SELECT o.id, o."externalRef", o.origin::text AS origin,
          (SELECT count(*)::int FROM "User" u WHERE u."organisationId" = o.id) AS members
        FROM "Organisation" o WHERE o."externalRef" = ANY(${refs}::text[])`;
  return rows;
}

const isRegistered = (org: Existing) => org.origin !== "IMPORTED" || org.members > 0;

/** Thrown inside the transaction when a row turns out to hit a registered organisation after all. */
class RowConflict extends Error {
  constructor(readonly errors: RawRowError[]) {
    super("import rows conflict with registered organisations");
  }
}

type Plan = { rows: ValidRow[]; themeIds: Map<string, string[]> };

/** Parses and checks the whole file; returns the rows to write or every error. */
async function check(
  db: PrismaClient,
  input: ImportInput,
  progress: (p: ImportProgress) => void,
): Promise<
  { ok: true; plan: Plan; total: number } | { ok: false; errors: RawRowError[]; total: number }
> {
  if (Buffer.byteLength(input.content, "utf8") > IMPORT_MAX_BYTES)
    return {
      ok: false,
      total: 0,
      errors: [
        { row: 0, field: "", message: msg("tooLarge", { max: IMPORT_MAX_BYTES / 1024 / 1024 }) },
      ],
    };
  const parsed = parseFile(input.content, input.format);
  const total = parsed.records.length + new Set(parsed.errors.map((e) => e.row)).size;
  if (parsed.records.length > IMPORT_MAX_ROWS)
    return {
      ok: false,
      total,
      errors: [{ row: 0, field: "", message: msg("tooManyRows", { max: IMPORT_MAX_ROWS }) }],
    };
  progress({ phase: "validating", done: 0, total });
  const { rows, errors } = validateRecords(parsed.records, (done) =>
    progress({ phase: "validating", done, total }),
  );
  errors.push(...parsed.errors);

  // The database checks look at every row, also those with other errors,
  // so that one round of fixes is enough.
  const themesOf = new Map<number, string[]>();
  const refOf = new Map<number, string>();
  for (const record of parsed.records) {
    const themes = importRowSchema.shape.themes.safeParse(record.values.themes);
    if (themes.success && themes.data.length > 0) themesOf.set(record.row, themes.data);
    const ref = importRowSchema.shape.externalRef.safeParse(record.values.externalRef);
    if (ref.success && ref.data) refOf.set(record.row, ref.data);
  }

  // Themes: slugs of the file that name no theme.
  const slugs = [...new Set([...themesOf.values()].flat())];
  const themes = slugs.length
    ? await db.theme.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
    : [];
  const themeIds = new Map<string, string[]>();
  for (const theme of themes)
    themeIds.set(theme.slug, [...(themeIds.get(theme.slug) ?? []), theme.id]);
  for (const [row, list] of themesOf) {
    const unknown = list.find((slug) => !themeIds.has(slug));
    if (unknown)
      errors.push({ row, field: "themes", message: msg("unknownTheme", { slug: unknown }) });
  }

  // Rows that would change a registered organisation.
  const registered = new Set(
    (await findExisting(db, [...new Set(refOf.values())], false))
      .filter(isRegistered)
      .map((o) => o.externalRef),
  );
  for (const [row, ref] of refOf)
    if (registered.has(ref)) errors.push({ row, field: "externalRef", message: msg("registered") });

  // One message per row and field, in row order (report() sorts stably).
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.row}\u0000${e.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  errors.length = 0;
  errors.push(...unique);

  if (errors.length > 0) return { ok: false, errors, total };
  return { ok: true, plan: { rows, themeIds }, total };
}

/** Sorted by row, at most MAX_REPORTED_ERRORS, translated. */
function report(errors: RawRowError[], locale: ImportLocale): ImportRowError[] {
  const translate = importTranslator(locale);
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const shown = sorted.slice(0, MAX_REPORTED_ERRORS).map((error) => ({
    row: error.row,
    field: error.field,
    message: translate(error.message),
  }));
  if (sorted.length > MAX_REPORTED_ERRORS)
    shown.push({
      row: sorted[MAX_REPORTED_ERRORS]!.row,
      field: "",
      message: translate(msg("moreErrors", { count: sorted.length - MAX_REPORTED_ERRORS })),
    });
  return shown;
}

type Written = { created: number; updated: number; ids: string[] };

/** Writes a checked file in one transaction. */
async function write(
  db: PrismaClient,
  plan: Plan,
  input: ImportInput,
  runId: string,
  progress: (done: number) => Promise<void>,
): Promise<Written> {
  return db.$transaction(async (tx) => {
    const refs = plan.rows.flatMap((r) => (r.data.externalRef ? [r.data.externalRef] : []));
    const existing = await findExisting(tx, refs, true);
    const conflicts = new Set(existing.filter(isRegistered).map((o) => o.externalRef));
    if (conflicts.size > 0)
      throw new RowConflict(
        plan.rows
          .filter((r) => r.data.externalRef && conflicts.has(r.data.externalRef))
          .map((r) => ({ row: r.row, field: "externalRef", message: msg("registered") })),
      );
    const idByRef = new Map(existing.map((o) => [o.externalRef, o.id]));

    let created = 0;
    let updated = 0;
    const ids: string[] = [];
    for (let start = 0; start < plan.rows.length; start += CHUNK) {
      const chunk = plan.rows.slice(start, start + CHUNK);
      const creates: Array<ValidRow & { id: string }> = [];
      const updates: Array<ValidRow & { id: string }> = [];
      for (const row of chunk) {
        const id = row.data.externalRef ? idByRef.get(row.data.externalRef) : undefined;
        if (id) updates.push({ ...row, id });
        else creates.push({ ...row, id: newId() });
      }
      const columns = (list: Array<ValidRow & { id: string }>) => ({
        id: list.map((r) => r.id),
        name: list.map((r) => r.data.name),
        type: list.map((r) => r.data.type),
        country: list.map((r) => r.data.country),
        city: list.map((r) => r.data.city ?? null),
        website: list.map((r) => r.data.website ?? null),
        description: list.map((r) => r.data.description),
        keywords: list.map((r) => JSON.stringify(r.data.keywords)),
        ref: list.map((r) => r.data.externalRef ?? null),
      });
      if (creates.length > 0) {
        const c = columns(creates);
        await tx.$executeRaw`
          INSERT INTO "Organisation" (id, name, type, country, city, website, description, keywords,
            "cooperationTypes", "partnerTypes", languages, "externalRef", origin, "updatedAt")
          SELECT t.id, t.name, t.type::"OrganisationType", t.country, t.city, t.website, t.description,
            ARRAY(SELECT jsonb_array_elements_text(t.keywords::jsonb)), '{}', '{}', '{}',
            t.ref, 'IMPORTED'::"OrganisationOrigin", now()
          FROM unnest(${c.id}::text[], ${c.name}::text[], ${c.type}::text[], ${c.country}::text[],
            ${c.city}::text[], ${c.website}::text[], ${c.description}::text[], ${c.keywords}::text[],
            ${c.ref}::text[]) AS t(id, name, type, country, city, website, description, keywords, ref)`;
        created += creates.length;
      }
      if (updates.length > 0) {
        const u = columns(updates);
        await tx.$executeRaw`
          UPDATE "Organisation" o SET name = t.name, type = t.type::"OrganisationType",
            country = t.country, city = t.city, website = t.website, description = t.description,
            keywords = ARRAY(SELECT jsonb_array_elements_text(t.keywords::jsonb)), "updatedAt" = now()
          FROM unnest(${u.id}::text[], ${u.name}::text[], ${u.type}::text[], ${u.country}::text[],
            ${u.city}::text[], ${u.website}::text[], ${u.description}::text[], ${u.keywords}::text[])
            AS t(id, name, type, country, city, website, description, keywords)
          WHERE o.id = t.id`;
        await tx.$executeRaw`DELETE FROM "OrganisationTheme" WHERE "organisationId" = ANY(${u.id}::text[])`;
        updated += updates.length;
      }
      const pairs = [...creates, ...updates].flatMap((r) =>
        r.data.themes.flatMap((slug) =>
          (plan.themeIds.get(slug) ?? []).map((themeId) => [r.id, themeId] as const),
        ),
      );
      if (pairs.length > 0)
        await tx.$executeRaw`
          INSERT INTO "OrganisationTheme" ("organisationId", "themeId")
          SELECT * FROM unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[])
          ON CONFLICT DO NOTHING`;
      ids.push(...creates.map((r) => r.id), ...updates.map((r) => r.id));
      await progress(start + chunk.length);
    }
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "organisations.import",
      entityType: "ImportRun",
      entityId: runId,
      data: { source: input.source, created, updated },
    });
    return { created, updated, ids };
  }, TRANSACTION_OPTIONS);
}

/** Queues or runs the re-scoring of the organisations an import wrote. */
export async function rescoreImported(
  db: PrismaClient,
  ids: string[],
  mode: "queue" | "inline",
): Promise<"organisations" | "rebuild"> {
  const rebuild = ids.length > REBUILD_THRESHOLD;
  if (mode === "queue") {
    // Loaded on demand: the command line never starts the queue.
    const jobs = await import("@/lib/matching/jobs");
    if (rebuild) await jobs.requestRebuild();
    else for (const id of ids) await jobs.requestOrganisationRescore(id);
  } else {
    const engine = await import("@/lib/matching/engine");
    if (rebuild) await engine.rebuildAll(db);
    else for (const id of ids) await engine.rescoreOrganisation(db, id);
  }
  return rebuild ? "rebuild" : "organisations";
}

export async function importOrganisations(
  db: PrismaClient,
  input: ImportInput,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const locale = input.locale ?? "en";
  const startedAt = new Date();
  let runId: string;
  if (input.runId) {
    runId = input.runId;
    // Only a PENDING run starts: a job delivered twice does not import twice.
    const { count } = await db.importRun.updateMany({
      where: { id: runId, status: "PENDING" },
      data: { status: "RUNNING", startedAt },
    });
    if (count === 0) return storedResult(db, runId);
  } else {
    runId = (
      await db.importRun.create({
        data: {
          createdById: input.actorId,
          format: input.format,
          fileName: input.fileName?.slice(0, 255) ?? null,
          source: input.source,
          status: "RUNNING",
          startedAt,
        },
        select: { id: true },
      })
    ).id;
  }

  let lastSaved = 0;
  const save = async (data: { totalRows?: number; processedRows?: number }) => {
    await db.importRun.update({ where: { id: runId }, data });
  };
  const fail = async (errors: RawRowError[], total: number): Promise<ImportResult> => {
    const reported = report(errors, locale);
    await db.importRun.update({
      where: { id: runId },
      data: {
        status: "FAILED",
        totalRows: total,
        errors: reported,
        content: null,
        finishedAt: new Date(),
      },
    });
    return { runId, ok: false, errors: reported };
  };

  try {
    const checked = await check(db, input, (p) => options.onProgress?.(p));
    if (!checked.ok) return await fail(checked.errors, checked.total);
    const total = checked.plan.rows.length;
    await save({ totalRows: total, processedRows: 0 });
    options.onProgress?.({ phase: "importing", done: 0, total });

    let written: Written;
    try {
      written = await write(db, checked.plan, input, runId, async (done) => {
        options.onProgress?.({ phase: "importing", done, total });
        if (done - lastSaved >= CHUNK || done === total) {
          lastSaved = done;
          await save({ processedRows: done });
        }
      });
    } catch (error) {
      if (error instanceof RowConflict) return await fail(error.errors, total);
      throw error;
    }

    await db.importRun.update({
      where: { id: runId },
      data: {
        status: "SUCCEEDED",
        processedRows: total,
        created: written.created,
        updated: written.updated,
        content: null,
        finishedAt: new Date(),
      },
    });
    const mode = options.rescore ?? "queue";
    if (mode !== "skip") {
      options.onRescore?.({
        kind: written.ids.length > REBUILD_THRESHOLD ? "rebuild" : "organisations",
        count: written.ids.length,
      });
      await rescoreImported(db, written.ids, mode);
    }
    return { runId, ok: true, created: written.created, updated: written.updated };
  } catch (error) {
    await db.importRun
      .update({
        where: { id: runId },
        data: {
          status: "FAILED",
          errors: [{ row: 0, field: "", message: importTranslator(locale)(msg("failed")) }],
          content: null,
          finishedAt: new Date(),
        },
      })
      .catch(() => {});
    throw error;
  }
}

/** The outcome of a run that already finished (or is running elsewhere). */
async function storedResult(db: PrismaClient, runId: string): Promise<ImportResult> {
  const run = await db.importRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.status === "SUCCEEDED")
    return { runId, ok: true, created: run.created, updated: run.updated };
  return { runId, ok: false, errors: (run.errors as ImportRowError[] | null) ?? [] };
}

/** Runs an import stored by the upload route (the "imports.run" job). */
export async function runStoredImport(
  db: PrismaClient,
  runId: string,
  locale: ImportLocale,
): Promise<ImportResult> {
  const run = await db.importRun.findUnique({
    where: { id: runId },
    select: {
      status: true,
      content: true,
      format: true,
      source: true,
      createdById: true,
      fileName: true,
    },
  });
  if (!run) throw new Error(`import run ${runId} not found`);
  if (run.status !== "PENDING") return storedResult(db, runId);
  return importOrganisations(db, {
    runId,
    content: run.content ?? "",
    format: run.format,
    source: run.source === "api" ? "api" : run.source === "cli" ? "cli" : "ui",
    actorId: run.createdById,
    fileName: run.fileName ?? undefined,
    locale,
  });
}

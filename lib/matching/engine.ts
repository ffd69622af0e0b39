// Computes and stores match scores: everything (`rebuildAll`), one
// organisation after its profile changed, or one theme or opportunity after
// it changed. Text relevance comes from PostgreSQL's full-text ranking of
// the organisation's weighted tsvector and from the bilingual thesaurus.
import pg from "pg";
import { connectionStringOf, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConceptHits, ConceptIndex } from "./concepts";
import { encodeExplanation } from "./explanation-codec";
import {
  type CompiledQuery,
  compileQuery,
  LexemeDictionary,
  type ParsedVector,
  parseTsVector,
  rankWhereMatches,
} from "./fts";
import { fitTotal, type MatchOrganisation, SCORE_FLOOR, scoreBound, scoreMatch } from "./score";
import {
  buildIndex,
  type OpportunityRow,
  opportunityTarget,
  type TargetSpec,
  type ThemeRow,
  themeTarget,
} from "./targets";
import { prepareText } from "./text";

export type Progress = (event: {
  phase: "concepts" | "scores";
  done: number;
  total: number;
}) => void | Promise<void>;

type OrgRow = {
  id: string;
  name: string;
  description: string;
  keywords: string[];
  type: string;
  trlMin: number | null;
  trlMax: number | null;
  cooperationTypes: string[];
  languages: string[];
  lastConfirmedAt: Date | null;
};

type Scored = { organisationId: string; score: number; explanation: string };

// A broad target can have tens of thousands of stored pairs: more than
// Prisma's default 5 s for an interactive transaction.
const TRANSACTION_OPTIONS = { timeout: 120_000, maxWait: 10_000 };

const ORG_COLUMNS = `o.id, o.name, o.description, coalesce(o.keywords, '{}') AS keywords, o.type::text AS type,
  o."trlMin", o."trlMax", coalesce(o."cooperationTypes", '{}')::text[] AS "cooperationTypes",
  coalesce(o.languages, '{}') AS languages, o."lastConfirmedAt"`;

type Targets = { index: ConceptIndex; targets: TargetSpec[] };

/**
 * The targets are derived from a few hundred rows but cost tens of
 * milliseconds to build (the thesaurus index). Each process keeps the last
 * build and checks on every call, with one small query, that the themes and
 * published opportunities have not changed since; so every instance sees an
 * edit at once, and the database stays the only truth.
 */
let memo: { stamp: string; value: Targets } | null = null;

async function targetsStamp(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ stamp: string }>>`
    SELECT concat_ws('|',
      (SELECT concat(count(*), ':', max("updatedAt")) FROM "Theme"),
      (SELECT concat(count(*), ':', max("updatedAt")) FROM "Opportunity" WHERE status = 'PUBLISHED')
    ) AS stamp`;
  return row?.stamp ?? "";
}

export async function loadTargets(db: Db): Promise<Targets> {
  const stamp = await targetsStamp(db);
  if (memo?.stamp === stamp) return memo.value;
  const value = await buildTargets(db);
  memo = { stamp, value };
  return value;
}

async function buildTargets(db: Db): Promise<Targets> {
  const themes: ThemeRow[] = await db.theme.findMany({
    select: {
      id: true,
      slug: true,
      nameEn: true,
      nameZh: true,
      keywordsEn: true,
      keywordsZh: true,
    },
    orderBy: { order: "asc" },
  });
  const opportunities: OpportunityRow[] = await db.opportunity.findMany({
    where: { status: "PUBLISHED" },
    select: {
      id: true,
      themeId: true,
      titleEn: true,
      titleZh: true,
      descriptionEn: true,
      descriptionZh: true,
      cooperationTypes: true,
      partnerTypes: true,
      trlMin: true,
      trlMax: true,
    },
  });
  const index = buildIndex(themes);
  const byId = new Map(themes.map((t) => [t.id, t]));
  const targets = [
    ...themes.map((theme) => themeTarget(theme, index)),
    ...opportunities.flatMap((o) => {
      const theme = byId.get(o.themeId);
      return theme ? [opportunityTarget(o, theme, index)] : [];
    }),
  ];
  return { index, targets };
}

function conceptsOf(
  index: ConceptIndex,
  org: Pick<OrgRow, "name" | "description" | "keywords">,
): ConceptHits {
  return index.find(prepareText(org.name, org.keywords, org.description));
}

function matchOrganisation(
  org: OrgRow,
  hits: ConceptHits,
  themeSlugs: string[],
): MatchOrganisation {
  return {
    type: org.type,
    themeSlugs,
    trlMin: org.trlMin,
    trlMax: org.trlMax,
    cooperationTypes: org.cooperationTypes,
    languages: org.languages,
    lastConfirmedAt: org.lastConfirmedAt,
    concepts: hits,
  };
}

/** ts_rank with normalisation 32 stays below 1; the text factor is full from 0.25. */
const BEST_RANK = 1;

/**
 * A full-text match without any shared concept or declared theme cannot
 * reach the floor, so the rebuild looks for candidates through concepts and
 * declared themes only. Checked here, so that a change of weights that
 * breaks it fails at once instead of silently missing pairs.
 */
export const TEXT_ALONE_BELOW_FLOOR =
  scoreBound("THEME", 0, BEST_RANK, false) < SCORE_FLOOR &&
  scoreBound("OPPORTUNITY", 0, BEST_RANK, false) < SCORE_FLOOR;
if (!TEXT_ALONE_BELOW_FLOOR)
  throw new Error("matching: a text match alone reaches the floor; candidates must include it");

/**
 * The pair's score and explanation when it reaches the floor, else null.
 * Most candidates share only a peripheral concept or fit badly: a cheap
 * bound rules them out before the full explanation is built. `fit` is the
 * pair's fitTotal when the caller has it already.
 */
function scorePair(
  subject: MatchOrganisation,
  target: TargetSpec,
  rank: number,
  now: Date,
  fit = fitTotal(subject, target, now),
  overlap = overlapOf(subject, target),
  declared = subject.themeSlugs.includes(target.themeSlug),
): { score: number; explanation: string } | null {
  // The bound is rounded up and the score to the nearest: a different order
  // of summing (a last-bit difference) cannot make the bound the smaller.
  if (scoreBound(target.kind, overlap, rank, declared, fit) < SCORE_FLOOR) return null;
  const result = scoreMatch(subject, target, rank, now);
  return result.score >= SCORE_FLOOR
    ? { score: result.score, explanation: encodeExplanation(result) }
    : null;
}

function overlapOf(subject: MatchOrganisation, target: TargetSpec) {
  let overlap = 0;
  for (const id of subject.concepts.keys()) overlap += target.concepts.get(id) ?? 0;
  return overlap;
}

/**
 * A target's re-score and an organisation's each delete their own rows, then
 * insert; they share one pair. When both run at once, the second insert meets
 * the first's committed row: it replaces it (both were computed from the same
 * data) instead of failing on the primary key.
 */
const ON_CONFLICT_REPLACE = Prisma.sql`
  ON CONFLICT ("organisationId", "targetKind", "targetId") DO UPDATE
  SET "score" = EXCLUDED."score", "explanation" = EXCLUDED."explanation", "computedAt" = EXCLUDED."computedAt"`;

async function replaceTargetScores(db: Db, target: TargetSpec, rows: Scored[], now: Date) {
  await db.$transaction(async (tx) => {
    // Scores are derived data, recomputed at will: no need to wait for the
    // disk at each target's commit (a crash loses at most the last targets,
    // the next rebuild restores them; nothing else is at risk).
    await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
    await tx.$executeRaw`DELETE FROM "MatchScore" WHERE "targetKind" = ${target.kind}::"MatchTargetKind" AND "targetId" = ${target.id}`;
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await tx.$executeRaw`
        INSERT INTO "MatchScore" ("organisationId", "targetKind", "targetId", "score", "explanation", "computedAt")
        SELECT o, ${target.kind}::"MatchTargetKind", ${target.id}, s, e, ${now}
        FROM unnest(${chunk.map((r) => r.organisationId)}::text[], ${chunk.map((r) => r.score)}::smallint[],
                    ${chunk.map((r) => r.explanation)}::text[]) AS x(o, s, e)
        ${ON_CONFLICT_REPLACE}`;
    }
  }, TRANSACTION_OPTIONS);
}

/** The table a full rebuild fills before it takes the place of "MatchScore". */
const REBUILD_TABLE = "MatchScore_rebuild";

/**
 * Appends one target's scores to the rebuild table (no index to maintain
 * yet), through node-postgres (Prisma would serialise megabytes of
 * parameters once more). Columns go in as arrays: a JSON document through
 * jsonb_to_recordset costs five times as much, as PostgreSQL turns each
 * nested explanation back into text and parses it again. Each chunk commits
 * on its own: a failed rebuild leaves only its own table, dropped by the next.
 */
async function appendTargetScores(bulk: pg.Pool, target: TargetSpec, rows: Scored[], now: Date) {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await bulk.query(
      `INSERT INTO "${REBUILD_TABLE}" ("organisationId", "targetKind", "targetId", "score", "explanation", "computedAt")
       SELECT o, $1::"MatchTargetKind", $2, s, e, $3
       FROM unnest(string_to_array($4, ','), $5::smallint[], string_to_array($6, E'\n')) AS x(o, s, e)`,
      [
        target.kind,
        target.id,
        now,
        // Joined, not text[]: an array literal would escape every quote of
        // every explanation. Ids hold no comma, and JSON text no raw newline.
        chunk.map((r) => r.organisationId).join(","),
        chunk.map((r) => r.score),
        chunk.map((r) => r.explanation).join("\n"),
      ],
    );
  }
}

/**
 * Puts the filled rebuild table in the place of "MatchScore": indexes are
 * built once at the end (far cheaper than maintaining them row by row), and
 * the swap itself is a short transaction, so pages read the old scores
 * until the new ones are complete. Names end up exactly as the migrations
 * create them.
 */
async function swapInRebuiltScores(
  db: Db,
  organisationIds: readonly string[],
  timings: Record<string, number> = {},
) {
  let t = performance.now();
  const lap = (name: string) => {
    timings[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  await db.$executeRawUnsafe(
    `ALTER TABLE "${REBUILD_TABLE}" ADD CONSTRAINT "${REBUILD_TABLE}_pkey" PRIMARY KEY ("organisationId", "targetKind", "targetId")`,
  );
  await db.$executeRawUnsafe(
    `CREATE INDEX "${REBUILD_TABLE}_target_idx" ON "${REBUILD_TABLE}" ("targetKind", "targetId", "score" DESC)`,
  );
  // As migration 20261129050000 makes it: a target's kind and id go together.
  await db.$executeRawUnsafe(
    `CREATE STATISTICS "${REBUILD_TABLE}_target_stats" (dependencies, mcv) ON "targetKind", "targetId" FROM "${REBUILD_TABLE}"`,
  );
  lap("swapIndexes");
  await db.$transaction(
    async (tx) => {
      // No organisation may disappear between the clean-up and the foreign key.
      await tx.$executeRaw`LOCK TABLE "Organisation" IN SHARE ROW EXCLUSIVE MODE`;
      await tx.$executeRaw`LOCK TABLE "MatchScore" IN ACCESS EXCLUSIVE MODE`;
      // Only organisations scored by this rebuild have rows, so only those
      // can be gone: look them up by id (the table holds too many rows to scan).
      await tx.$executeRawUnsafe(
        `DELETE FROM "${REBUILD_TABLE}" r
         WHERE r."organisationId" IN (
           SELECT t.id FROM unnest(string_to_array($1, ',')) AS t(id)
           WHERE NOT EXISTS (SELECT 1 FROM "Organisation" o WHERE o.id = t.id))`,
        organisationIds.join(","),
      );
      await tx.$executeRaw`DROP TABLE "MatchScore"`;
      await tx.$executeRawUnsafe(`ALTER TABLE "${REBUILD_TABLE}" RENAME TO "MatchScore"`);
      await tx.$executeRaw`ALTER TABLE "MatchScore" RESET (autovacuum_enabled)`;
      await tx.$executeRawUnsafe(`ALTER INDEX "${REBUILD_TABLE}_pkey" RENAME TO "MatchScore_pkey"`);
      await tx.$executeRawUnsafe(
        `ALTER INDEX "${REBUILD_TABLE}_target_idx" RENAME TO "MatchScore_targetKind_targetId_score_idx"`,
      );
      await tx.$executeRawUnsafe(
        `ALTER STATISTICS "${REBUILD_TABLE}_target_stats" RENAME TO "MatchScore_target_stats"`,
      );
      // The new table gets the triggers that keep each expression of
      // interest's copy of its score, and the copies take the new scores
      // (migration 20261129040000, decision 008).
      await tx.$executeRaw`SELECT "match_score_install_triggers"()`;
      await tx.$executeRaw`SELECT "interest_match_scores_sync"()`;
      // Checked after the swap (VALIDATE does not block readers); the clean-up above makes it hold.
      await tx.$executeRaw`ALTER TABLE "MatchScore" ADD CONSTRAINT "MatchScore_organisationId_fkey"
        FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE NOT VALID`;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  lap("swapTransaction");
  await db.$executeRaw`ALTER TABLE "MatchScore" VALIDATE CONSTRAINT "MatchScore_organisationId_fkey"`;
  lap("swapValidate");
  await db.$executeRaw`ANALYZE "MatchScore"`;
  lap("swapAnalyze");
}

/** One full rebuild at a time, across processes and instances: a transaction-scoped advisory lock. */
const REBUILD_LOCK = 0x4d617463; // "Matc"

async function themeSlugsByOrganisation(db: Db, organisationIds?: string[]) {
  const rows = await db.organisationTheme.findMany({
    where: organisationIds ? { organisationId: { in: organisationIds } } : undefined,
    select: { organisationId: true, theme: { select: { slug: true } } },
  });
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row.organisationId) ?? [];
    list.push(row.theme.slug);
    map.set(row.organisationId, list);
  }
  return map;
}

/** Re-scores one organisation against every theme and published opportunity (after a profile edit). */
export async function rescoreOrganisation(db: Db, organisationId: string, now = new Date()) {
  const { index, targets } = await loadTargets(db);
  const [org] = await db.$queryRawUnsafe<OrgRow[]>(
    `SELECT ${ORG_COLUMNS} FROM "Organisation" o WHERE o.id = $1`,
    organisationId,
  );
  if (!org) {
    await db.matchScore.deleteMany({ where: { organisationId } });
    return { stored: 0 };
  }
  const hits = conceptsOf(index, org);
  const conceptIds = [...hits.keys()].sort();
  const rankRows = await db.$queryRaw<Array<{ i: bigint; rank: number }>>`
    SELECT t.i, CASE WHEN o."searchVector" @@ q.q THEN ts_rank(o."searchVector", q.q, 32) ELSE 0 END AS rank
    FROM "Organisation" o, unnest(${targets.map((t) => t.query)}::text[]) WITH ORDINALITY AS t(q, i),
         LATERAL websearch_to_tsquery('english', t.q) AS q(q)
    WHERE o.id = ${organisationId}`;
  const ranks = new Map(rankRows.map((r) => [Number(r.i) - 1, r.rank]));
  const slugs = (await themeSlugsByOrganisation(db, [organisationId])).get(organisationId) ?? [];
  const subject = matchOrganisation(org, hits, slugs);
  const rows = targets.flatMap((target, i) => {
    const scored = scorePair(subject, target, ranks.get(i) ?? 0, now);
    return scored ? [{ target, ...scored }] : [];
  });
  await db.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id: organisationId }, data: { concepts: conceptIds } });
    await tx.matchScore.deleteMany({ where: { organisationId } });
    if (rows.length > 0) {
      await tx.$executeRaw`
        INSERT INTO "MatchScore" ("organisationId", "targetKind", "targetId", "score", "explanation", "computedAt")
        SELECT ${organisationId}, k::"MatchTargetKind", t, s, e, ${now}
        FROM unnest(${rows.map((r) => r.target.kind)}::text[], ${rows.map((r) => r.target.id)}::text[],
                    ${rows.map((r) => r.score)}::smallint[], ${rows.map((r) => r.explanation)}::text[]) AS x(k, t, s, e)
        ${ON_CONFLICT_REPLACE}`;
    }
  });
  return { stored: rows.length };
}

/** Re-scores every organisation that could reach the floor against one theme or opportunity. */
export async function rescoreTarget(
  db: Db,
  kind: "THEME" | "OPPORTUNITY",
  id: string,
  now = new Date(),
) {
  const { index, targets } = await loadTargets(db);
  const target = targets.find((t) => t.kind === kind && t.id === id);
  if (!target) {
    // Closed, draft or deleted: it has no scores any more.
    await db.matchScore.deleteMany({ where: { targetKind: kind, targetId: id } });
    return { stored: 0 };
  }
  const themeId =
    kind === "THEME"
      ? id
      : (await db.opportunity.findUniqueOrThrow({ where: { id }, select: { themeId: true } }))
          .themeId;
  const candidates = await db.$queryRawUnsafe<Array<OrgRow & { rank: number }>>(
    `SELECT ${ORG_COLUMNS}, CASE WHEN o."searchVector" @@ q THEN ts_rank(o."searchVector", q, 32) ELSE 0 END AS rank
     FROM "Organisation" o, websearch_to_tsquery('english', $1) q
     WHERE o."searchVector" @@ q OR o.concepts && $2::text[]
        OR EXISTS (SELECT 1 FROM "OrganisationTheme" ot WHERE ot."organisationId" = o.id AND ot."themeId" = $3)`,
    target.query,
    [...target.concepts.keys()],
    themeId,
  );
  const slugs = await themeSlugsByOrganisation(
    db,
    candidates.map((c) => c.id),
  );
  const rows: Scored[] = [];
  for (const org of candidates) {
    const subject = matchOrganisation(org, conceptsOf(index, org), slugs.get(org.id) ?? []);
    const scored = scorePair(subject, target, org.rank, now);
    if (scored) rows.push({ organisationId: org.id, ...scored });
  }
  await replaceTargetScores(db, target, rows, now);
  return { stored: rows.length, candidates: candidates.length };
}

// Ranks count only where the query matches (phrases included): ts_rank
// alone gives partial credit for single words of a phrase, which the
// full rebuild, ranking only the matches, would not see.

/**
 * Recomputes every organisation's concepts and every stored score. Memory
 * holds one small record per organisation; scores are written per target.
 */
export async function rebuildAll(db: Db, onProgress: Progress = () => {}, now = new Date()) {
  // The lock's transaction stays open, idle, while the work runs on other connections.
  return db.$transaction(
    async (lock) => {
      const [{ locked } = { locked: false }] = await lock.$queryRaw<Array<{ locked: boolean }>>`
        SELECT pg_try_advisory_xact_lock(${REBUILD_LOCK}) AS locked`;
      if (!locked) throw new Error("matching: another full rebuild is running");
      // The app's pool ends transactions left idle (lib/db/client.ts); this one waits on purpose.
      await lock.$executeRaw`SET LOCAL idle_in_transaction_session_timeout = 0`;
      const bulk = new pg.Pool({
        connectionString: connectionStringOf(db),
        max: 3,
        application_name: "bridgehead-rebuild",
        // Scores are derived data, rebuilt at will: no need to wait for the disk at each commit.
        options: "-c synchronous_commit=off",
      });
      try {
        return await rebuildAllLocked(db, bulk, onProgress, now);
      } finally {
        await bulk.end();
      }
    },
    { timeout: 3_600_000, maxWait: 10_000 },
  );
}

async function rebuildAllLocked(db: Db, bulk: pg.Pool, onProgress: Progress, now: Date) {
  const started = Date.now();
  const startedAt = new Date();
  const { index, targets } = await loadTargets(db);
  const total = await db.organisation.count();
  // Left over by a rebuild that crashed, or none.
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${REBUILD_TABLE}"`);
  await db.$executeRawUnsafe(
    // Without autovacuum while it fills: a worker busy on it would hold up the swap's rename.
    `CREATE TABLE "${REBUILD_TABLE}" (LIKE "MatchScore" INCLUDING DEFAULTS) WITH (autovacuum_enabled = false)`,
  );

  // Organisations by position; their concepts and declared themes as small
  // integers, so that the loop over every pair reads arrays, not maps.
  const ids: string[] = [];
  const subjects: MatchOrganisation[] = [];
  const conceptNumber = new Map<string, number>();
  const numberOf = (conceptId: string) => {
    let n = conceptNumber.get(conceptId);
    if (n === undefined) {
      n = conceptNumber.size;
      conceptNumber.set(conceptId, n);
    }
    return n;
  };
  const conceptStart: number[] = [0];
  const conceptList: number[] = [];
  const byTheme = new Map<string, number[]>();
  const declared = await themeSlugsByOrganisation(db);
  // Each organisation's tsvector, for the text ranks (see fts.ts).
  const lexemes = new LexemeDictionary();
  const vectors: ParsedVector[] = [];
  const conceptUpdates: Array<Promise<unknown>> = [];
  let cursor = "";
  for (;;) {
    const { rows: batch } = await bulk.query<OrgRow & { vector: string }>(
      `SELECT ${ORG_COLUMNS}, o."searchVector"::text AS vector
       FROM "Organisation" o WHERE o.id > $1 ORDER BY o.id LIMIT 2000`,
      [cursor],
    );
    if (batch.length === 0) break;
    const batchIds: string[] = [];
    const concepts: string[] = [];
    for (const org of batch) {
      const hits = conceptsOf(index, org);
      ids.push(org.id);
      const subject = matchOrganisation(org, hits, declared.get(org.id) ?? []);
      subjects.push(subject);
      vectors.push(parseTsVector(org.vector, lexemes));
      for (const id of hits.keys()) conceptList.push(numberOf(id));
      conceptStart.push(conceptList.length);
      for (const slug of subject.themeSlugs) {
        const list = byTheme.get(slug);
        if (list) list.push(subjects.length - 1);
        else byTheme.set(slug, [subjects.length - 1]);
      }
      batchIds.push(org.id);
      concepts.push(
        `{${[...hits.keys()]
          .sort()
          .map((c) => `"${c}"`)
          .join(",")}}`,
      );
    }
    // Not awaited here: PostgreSQL stores this batch while the next one is read and matched.
    const update = bulk.query(
      `UPDATE "Organisation" o SET concepts = t.c::text[]
       FROM unnest($1::text[], $2::text[]) AS t(id, c) WHERE o.id = t.id AND o.concepts IS DISTINCT FROM t.c::text[]`,
      [batchIds, concepts],
    );
    update.catch(() => {}); // awaited below, with the others
    conceptUpdates.push(update);
    cursor = batch.at(-1)!.id;
    await onProgress({ phase: "concepts", done: ids.length, total });
  }

  await Promise.all(conceptUpdates);

  // Per target: every organisation's concept overlap and declared theme,
  // then, for those that share something, the bound with a perfect fit, the
  // bound with their real fit (both with the best possible text rank; a
  // full-text match alone can never reach the floor, see
  // TEXT_ALONE_BELOW_FLOOR), and PostgreSQL's rank for the candidates left.
  // A pipeline over the two cores: PostgreSQL ranks the next target and
  // writes the previous ones while this process scores the current one.
  // The targets' queries as PostgreSQL parses them; a query of a shape fts.ts
  // does not evaluate is ranked by PostgreSQL instead (null here).
  const { rows: parsedQueries } = await bulk.query<{ q: string }>(
    `SELECT websearch_to_tsquery('english', t.q)::text AS q
     FROM unnest($1::text[]) WITH ORDINALITY AS t(q, i) ORDER BY t.i`,
    [targets.map((t) => t.query)],
  );
  const compiled = parsedQueries.map(({ q }) => compileQuery(q, lexemes));
  const starts = Int32Array.from(conceptStart);
  const concepts = Int32Array.from(conceptList);
  const weights = new Float64Array(conceptNumber.size);
  const declaredAt = new Uint8Array(subjects.length);
  const positionOf = new Map(ids.map((id, position) => [id, position]));
  const rankBuffers = [new Float64Array(subjects.length), new Float64Array(subjects.length)];
  let turn = 0;
  const prepare = (target: TargetSpec, query: CompiledQuery | null) => {
    weights.fill(0);
    declaredAt.fill(0);
    for (const position of byTheme.get(target.themeSlug) ?? []) declaredAt[position] = 1;
    for (const [conceptId, weight] of target.concepts) {
      const n = conceptNumber.get(conceptId);
      if (n !== undefined) weights[n] = weight;
    }
    const candidates: number[] = [];
    const fits: number[] = [];
    const overlaps: number[] = [];
    const declares: boolean[] = [];
    for (let position = 0; position < subjects.length; position++) {
      let overlap = 0;
      for (let k = starts[position]!; k < starts[position + 1]!; k++)
        overlap += weights[concepts[k]!]!;
      const declared = declaredAt[position] === 1;
      if (overlap === 0 && !declared) continue;
      if (scoreBound(target.kind, overlap, BEST_RANK, declared) < SCORE_FLOOR) continue;
      const fit = fitTotal(subjects[position]!, target, now);
      if (scoreBound(target.kind, overlap, BEST_RANK, declared, fit) < SCORE_FLOOR) continue;
      candidates.push(position);
      fits.push(fit);
      overlaps.push(overlap);
      declares.push(declared);
    }
    const ranks = (async () => {
      // Ranked here, by position, when the scoring loop reaches the target.
      if (query || candidates.length === 0) return null;
      // By position; the two pipelined targets have a buffer each.
      const ranked = rankBuffers[turn++ % 2]!;
      ranked.fill(0);
      // Every organisation the query matches, found through the GIN index:
      // far cheaper than looking up each candidate by id (most candidates do
      // not match the text; those that don't rank 0). Ranks come back as
      // one text: thousands of rows cost more to pass around than to split.
      const { rows } = await bulk.query<{ ranked: string | null }>(
        `SELECT string_agg(o.id || ' ' || ts_rank(o."searchVector", q, 32)::text, ',') AS ranked
         FROM "Organisation" o, websearch_to_tsquery('english', $1) q
         WHERE o."searchVector" @@ q`,
        [target.query],
      );
      const text = rows[0]?.ranked ?? "";
      let start = 0;
      while (start < text.length) {
        const space = text.indexOf(" ", start);
        let end = text.indexOf(",", space);
        if (end === -1) end = text.length;
        const position = positionOf.get(text.slice(start, space));
        // Organisations created since the rebuild began are not in this pass (the catch-up scores them).
        if (position !== undefined) ranked[position] = Number(text.slice(space + 1, end));
        start = end + 1;
      }
      return ranked;
    })();
    // Rethrown when awaited: a failure must not go unobserved meanwhile.
    ranks.catch(() => {});
    return { target, query, candidates, fits, overlaps, declares, ranks };
  };

  let stored = 0;
  const writes: Array<Promise<void>> = [];
  let failed: unknown = null;
  // Where the time goes (milliseconds), for the benchmark.
  const timings = {
    prepare: 0,
    waitRanks: 0,
    score: 0,
    waitWrites: 0,
    swap: 0,
    hopeful: 0,
    swapSteps: {} as Record<string, number>,
  };
  const clock = () => performance.now();
  let t = clock();
  let next = targets.length > 0 ? prepare(targets[0]!, compiled[0]!) : null;
  timings.prepare += clock() - t;
  for (const [i, target] of targets.entries()) {
    const current = next!;
    t = clock();
    next = i + 1 < targets.length ? prepare(targets[i + 1]!, compiled[i + 1]!) : null;
    timings.prepare += clock() - t;
    t = clock();
    const ranks = await current.ranks;
    timings.waitRanks += clock() - t;
    t = clock();
    const rows: Scored[] = [];
    timings.hopeful += current.candidates.length;
    current.candidates.forEach((position, k) => {
      const rank = current.query
        ? rankWhereMatches(vectors[position]!, current.query)
        : (ranks?.[position] ?? 0);
      const scored = scorePair(
        subjects[position]!,
        target,
        rank,
        now,
        current.fits[k],
        current.overlaps[k],
        current.declares[k],
      );
      if (scored) rows.push({ organisationId: ids[position]!, ...scored });
    });
    timings.score += clock() - t;
    writes.push(
      appendTargetScores(bulk, target, rows, now).catch((error) => {
        failed ??= error;
      }),
    );
    t = clock();
    if (writes.length >= 2) await writes.shift();
    timings.waitWrites += clock() - t;
    if (failed) throw failed;
    stored += rows.length;
    await onProgress({ phase: "scores", done: i + 1, total: targets.length });
  }
  await Promise.all(writes);
  if (failed) throw failed;
  t = clock();
  // Targets that no longer exist or are no longer published are simply not in the new table.
  await swapInRebuiltScores(db, ids, timings.swapSteps);
  timings.swap = clock() - t;
  // What changed while the rebuild ran was re-scored into the old table by
  // the jobs: score it again now that the new table is in place.
  const [changedOrganisations, changedThemes, changedOpportunities] = await Promise.all([
    db.organisation.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } }),
    db.theme.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } }),
    db.opportunity.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } }),
  ]);
  for (const { id } of changedThemes) await rescoreTarget(db, "THEME", id, now);
  for (const { id } of changedOpportunities) await rescoreTarget(db, "OPPORTUNITY", id, now);
  for (const { id } of changedOrganisations) await rescoreOrganisation(db, id, now);
  return {
    organisations: total,
    targets: targets.length,
    stored,
    seconds: (Date.now() - started) / 1000,
    timings,
  };
}

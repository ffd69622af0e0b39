import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createInterest } from "@/lib/interests/review-test-data";
import { createEmptyDatabase } from "@/lib/testing/databases";
import { seedDatabase } from "@/prisma/seed";
import { rebuildAll, rescoreOrganisation, rescoreTarget } from "./engine";
import { parseExplanation } from "./labels";
import { SCORE_FLOOR } from "./score";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createEmptyDatabase();
  drop = database.drop;
  await migrate(database.url);
  db = createPrismaClient(database.url, { max: 4 });
  await seedDatabase(db, { demo: true });
  await rebuildAll(db);
});

afterAll(async () => {
  await db.$disconnect();
  await drop();
});

async function scoresOf(organisationId: string) {
  const rows = await db.matchScore.findMany({
    where: { organisationId },
    orderBy: [{ targetKind: "asc" }, { targetId: "asc" }],
  });
  return rows.map((r) => ({
    kind: r.targetKind,
    target: r.targetId,
    score: r.score,
    explanation: r.explanation,
  }));
}

describe("matching engine on the demo data", () => {
  it("stores scores at or above the floor only, with explanations", async () => {
    const rows = await db.matchScore.findMany();
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row.score).toBeGreaterThanOrEqual(SCORE_FLOOR);
      expect(parseExplanation(row.explanation).factors.length).toBeGreaterThanOrEqual(5);
    }
  });

  it("ranks organisations with dairy concepts on dairy, and a shipping line weakly at most", async () => {
    const dairy = await db.theme.findFirstOrThrow({ where: { slug: "dairy" } });
    const top = await db.matchScore.findMany({
      where: { targetKind: "THEME", targetId: dairy.id },
      orderBy: { score: "desc" },
      take: 5,
    });
    expect(top.length).toBe(5);
    for (const row of top) {
      const { concepts } = parseExplanation(row.explanation);
      expect(concepts.some((c) => c.weight >= 0.8)).toBe(true);
    }
    const shipping = await db.organisation.findUniqueOrThrow({
      where: { externalRef: "DEMO-EEN-0006" },
    });
    const shippingThemes = await db.matchScore.findMany({
      where: { organisationId: shipping.id, targetKind: "THEME" },
    });
    // Reefer containers and forwarding are real cold-chain and logistics concepts: a weak match, never a strong one.
    expect(shippingThemes.every((s) => s.score < 50)).toBe(true);
    expect(shippingThemes.some((s) => s.targetId === dairy.id)).toBe(false);
  });

  it("re-scoring one organisation gives the same scores as the full rebuild (nothing above the floor is missed)", async () => {
    const orgs = await db.organisation.findMany({
      select: { id: true },
      take: 10,
      orderBy: { id: "asc" },
    });
    const now = new Date("2026-11-28T12:00:00Z");
    await rebuildAll(db, () => {}, now);
    for (const { id } of orgs) {
      const before = await scoresOf(id);
      await rescoreOrganisation(db, id, now);
      expect(await scoresOf(id)).toEqual(before);
    }
  });

  it("re-scoring one target gives the same scores as the full rebuild", async () => {
    const now = new Date("2026-11-28T12:00:00Z");
    await rebuildAll(db, () => {}, now);
    const opportunity = await db.opportunity.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    const before = await db.matchScore.findMany({
      where: { targetId: opportunity.id },
      orderBy: { organisationId: "asc" },
    });
    await rescoreTarget(db, "OPPORTUNITY", opportunity.id, now);
    const after = await db.matchScore.findMany({
      where: { targetId: opportunity.id },
      orderBy: { organisationId: "asc" },
    });
    expect(after.map((r) => [r.organisationId, r.score])).toEqual(
      before.map((r) => [r.organisationId, r.score]),
    );
  });

  it("a profile edit changes only that organisation's scores, and a closed opportunity loses its scores", async () => {
    const org = await db.organisation.findFirstOrThrow({
      where: { externalRef: { not: null } },
      orderBy: { id: "asc" },
    });
    await db.organisation.update({
      where: { id: org.id },
      data: {
        description:
          "We build bonded warehouses and handle customs clearance and cross-border parcel fulfilment.",
        keywords: [],
      },
    });
    await rescoreOrganisation(db, org.id);
    const ecommerce = await db.theme.findFirstOrThrow({
      where: { slug: "cross-border-ecommerce" },
    });
    const score = await db.matchScore.findUnique({
      where: {
        organisationId_targetKind_targetId: {
          organisationId: org.id,
          targetKind: "THEME",
          targetId: ecommerce.id,
        },
      },
    });
    expect(score?.score).toBeGreaterThanOrEqual(SCORE_FLOOR);

    const opportunity = await db.opportunity.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    await db.opportunity.update({ where: { id: opportunity.id }, data: { status: "CLOSED" } });
    await rescoreTarget(db, "OPPORTUNITY", opportunity.id);
    expect(await db.matchScore.count({ where: { targetId: opportunity.id } })).toBe(0);
  });

  it("re-scoring an organisation while its target is re-scored: both finish, one row per pair", async () => {
    // A partner's profile edit and an official's keyword edit re-score the same
    // pair at once (seen in e2e: the second insert failed on MatchScore_pkey).
    const dairy = await db.theme.findFirstOrThrow({ where: { slug: "dairy" } });
    const pair = await db.matchScore.findFirstOrThrow({
      where: { targetKind: "THEME", targetId: dairy.id },
      orderBy: { score: "desc" },
    });
    const { organisationId } = pair;
    // The target's re-score, stopped after it replaced the pair and before it commits.
    let replaced!: () => void;
    let commit!: () => void;
    const hasReplaced = new Promise<void>((resolve) => {
      replaced = resolve;
    });
    const mayCommit = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const target = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`DELETE FROM "MatchScore" WHERE "targetKind" = 'THEME' AND "targetId" = ${dairy.id} AND "organisationId" = ${organisationId}`;
        await tx.$executeRaw`
          INSERT INTO "MatchScore" ("organisationId", "targetKind", "targetId", "score", "explanation", "computedAt")
          VALUES (${organisationId}, 'THEME', ${dairy.id}, ${pair.score}, ${pair.explanation}, now())`;
        replaced();
        await mayCommit;
      },
      { timeout: 30_000 },
    );
    await hasReplaced;
    const organisation = rescoreOrganisation(db, organisationId);
    // The organisation's re-score is waiting for the pair's row lock: let the target's commit.
    for (let waited = 0; ; waited += 50) {
      const [row] = await db.$queryRaw<Array<{ waiting: bigint }>>`
        SELECT count(*) AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (row && row.waiting > 0n) break;
      if (waited > 20_000) throw new Error("the organisation's re-score never waited for the pair");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    commit();
    await target;
    const result = await organisation;
    expect(result.stored).toBeGreaterThan(0);
    const rows = await db.matchScore.findMany({
      where: { organisationId, targetKind: "THEME", targetId: dairy.id },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.score).toBe(pair.score);
  });

  it("matches a Chinese profile to the theme its concepts name", async () => {
    const org = await db.organisation.create({
      data: {
        name: "Rheinland Molkerei-Technik",
        type: "SME",
        country: "DE",
        description:
          "本公司为乳制品企业提供益生菌菌株、乳酸菌发酵剂和奶酪工艺咨询，并开展牧场奶牛乳房炎防控研究。",
        keywords: [],
      },
    });
    await rescoreOrganisation(db, org.id);
    const dairy = await db.theme.findFirstOrThrow({ where: { slug: "dairy" } });
    const score = await db.matchScore.findUnique({
      where: {
        organisationId_targetKind_targetId: {
          organisationId: org.id,
          targetKind: "THEME",
          targetId: dairy.id,
        },
      },
    });
    expect(score?.score).toBeGreaterThanOrEqual(SCORE_FLOOR);
  });

  it("a full rebuild leaves the table exactly as the migrations made it", async () => {
    const shape = (client: Db) =>
      client.$queryRaw<Array<{ name: string; definition: string }>>`
        SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'MatchScore'
        UNION ALL
        SELECT conname, pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' (not valid)' END
        FROM pg_constraint WHERE conrelid = '"MatchScore"'::regclass
        UNION ALL
        SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger
        WHERE tgrelid = '"MatchScore"'::regclass AND NOT tgisinternal
        UNION ALL
        SELECT stxname, pg_get_statisticsobjdef(oid) FROM pg_statistic_ext
        WHERE stxrelid = '"MatchScore"'::regclass
        ORDER BY 1, 2`;
    // As the migrations make it, on a database no rebuild has touched.
    const fresh = await createEmptyDatabase();
    await migrate(fresh.url);
    const pristine = createPrismaClient(fresh.url, { max: 1 });
    const expected = await shape(pristine);
    await pristine.$disconnect();
    await fresh.drop();
    expect(expected.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        "MatchScore_organisationId_fkey",
        "MatchScore_pkey",
        "MatchScore_refresh_interests_delete",
        "MatchScore_refresh_interests_insert",
        "MatchScore_refresh_interests_update",
        "MatchScore_target_stats",
        "MatchScore_targetKind_targetId_score_idx",
      ]),
    );
    await rebuildAll(db);
    expect(await shape(db)).toEqual(expected);
    const leftovers = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'MatchScore_rebuild%'`;
    expect(leftovers[0]?.n).toBe(0);
    // The foreign key still cascades.
    const org = await db.organisation.create({
      data: {
        name: "Short-lived Dairy Lab",
        type: "SME",
        country: "NL",
        description: "Probiotic starter cultures for yoghurt and cheese; dairy fermentation.",
        keywords: ["probiotics"],
      },
    });
    await rescoreOrganisation(db, org.id);
    expect(await db.matchScore.count({ where: { organisationId: org.id } })).toBeGreaterThan(0);
    await db.organisation.delete({ where: { id: org.id } });
    expect(await db.matchScore.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("keeps a profile edit made while the rebuild runs, drops an organisation deleted meanwhile, and refuses a second rebuild", async () => {
    const ecommerce = await db.theme.findFirstOrThrow({
      where: { slug: "cross-border-ecommerce" },
    });
    // One that has nothing to do with e-commerce before the edit.
    const org = await db.organisation.findFirstOrThrow({
      where: {
        externalRef: { not: null },
        matchScores: { none: { targetKind: "THEME", targetId: ecommerce.id } },
      },
      orderBy: { id: "desc" },
    });
    // One with stored scores, deleted while the rebuild runs: its new rows must not survive the swap.
    const doomed = await db.organisation.findFirstOrThrow({
      where: {
        id: { not: org.id },
        matchScores: { some: {} },
        members: { none: {} },
        interests: { none: {} },
      },
      orderBy: { id: "asc" },
    });
    let second: Promise<unknown> | null = null;
    let edited = false;
    await rebuildAll(db, async ({ phase, done }) => {
      if (phase !== "scores" || done !== 1 || edited) return;
      edited = true;
      // As the profile form and its job would: save, then re-score (into the old table).
      await db.organisation.update({
        where: { id: org.id },
        data: {
          description:
            "Bonded warehouses, customs clearance and cross-border parcel fulfilment for online shops.",
          keywords: ["overseas warehouse"],
        },
      });
      await rescoreOrganisation(db, org.id);
      await db.organisation.delete({ where: { id: doomed.id } });
      second = rebuildAll(db).then(
        () => "finished",
        (error: Error) => error.message,
      );
    });
    expect(edited).toBe(true);
    expect(await second).toMatch(/another full rebuild is running/);
    const score = await db.matchScore.findUnique({
      where: {
        organisationId_targetKind_targetId: {
          organisationId: org.id,
          targetKind: "THEME",
          targetId: ecommerce.id,
        },
      },
    });
    expect(score?.score).toBeGreaterThanOrEqual(SCORE_FLOOR);
    expect(await db.matchScore.count({ where: { organisationId: doomed.id } })).toBe(0);
    // The foreign key was validated after the swap: it holds.
    const [fk] = await db.$queryRaw<Array<{ valid: boolean }>>`
      SELECT convalidated AS valid FROM pg_constraint WHERE conname = 'MatchScore_organisationId_fkey'`;
    expect(fk?.valid).toBe(true);
  });
});

describe("each expression of interest's copy of its match score (decision 008)", () => {
  /** Expressions whose copy differs from the stored score of their organisation and target. */
  async function outOfStep() {
    const rows = await db.$queryRaw<
      Array<{ id: string; copy: number | null; stored: number | null }>
    >`
      SELECT e.id, e."matchScore"::int AS copy, ms.score::int AS stored
      FROM "ExpressionOfInterest" e
      LEFT JOIN "MatchScore" ms ON ms."organisationId" = e."organisationId"
        AND ms."targetKind" = (CASE WHEN e."opportunityId" IS NULL THEN 'THEME' ELSE 'OPPORTUNITY' END)::"MatchTargetKind"
        AND ms."targetId" = COALESCE(e."opportunityId", e."themeId")
      WHERE e."matchScore" IS DISTINCT FROM ms.score`;
    return rows;
  }
  const copyOf = async (id: string) =>
    (
      await db.expressionOfInterest.findUniqueOrThrow({
        where: { id },
        select: { matchScore: true },
      })
    ).matchScore;

  it("follows every way scores are written: new expressions, engine runs, direct writes, the rebuild's swap", async () => {
    // Expressions on scored pairs (themes and opportunities) and on an unscored one.
    const themeScores = await db.matchScore.findMany({
      where: { targetKind: "THEME" },
      orderBy: [{ score: "desc" }, { organisationId: "asc" }],
      take: 4,
    });
    const opportunityScore = await db.matchScore.findFirstOrThrow({
      where: { targetKind: "OPPORTUNITY" },
      orderBy: [{ score: "desc" }, { organisationId: "asc" }],
    });
    const opportunity = await db.opportunity.findUniqueOrThrow({
      where: { id: opportunityScore.targetId },
    });
    const interests = [
      ...(await Promise.all(
        themeScores.map((s) =>
          createInterest(db, { organisationId: s.organisationId, themeId: s.targetId }),
        ),
      )),
      await createInterest(db, {
        organisationId: opportunityScore.organisationId,
        themeId: opportunity.themeId,
        opportunityId: opportunity.id,
      }),
    ];
    expect(themeScores.length).toBe(4);
    // Created: each takes its stored score at once.
    expect(interests.map((i) => i.matchScore)).toEqual([
      ...themeScores.map((s) => s.score),
      opportunityScore.score,
    ]);
    const unscored = await db.matchScore.findFirstOrThrow({
      where: { targetKind: "THEME", targetId: { not: themeScores[0]!.targetId } },
      select: { organisationId: true },
    });
    const scoredThemes = await db.matchScore.findMany({
      where: { organisationId: unscored.organisationId, targetKind: "THEME" },
      select: { targetId: true },
    });
    const otherTheme = await db.theme.findFirstOrThrow({
      where: { id: { notIn: scoredThemes.map((s) => s.targetId) } },
    });
    const none = await createInterest(db, {
      organisationId: unscored.organisationId,
      themeId: otherTheme.id,
    });
    expect(none.matchScore).toBeNull();
    expect(await outOfStep()).toEqual([]);

    // Written directly (as tests and tools may): insert, update, delete.
    const first = themeScores[0]!;
    const key = {
      organisationId_targetKind_targetId: {
        organisationId: first.organisationId,
        targetKind: first.targetKind,
        targetId: first.targetId,
      },
    };
    await db.matchScore.update({ where: key, data: { score: 99 } });
    expect(await copyOf(interests[0]!.id)).toBe(99);
    await db.matchScore.delete({ where: key });
    expect(await copyOf(interests[0]!.id)).toBeNull();
    await db.matchScore.create({
      data: {
        organisationId: unscored.organisationId,
        targetKind: "THEME",
        targetId: otherTheme.id,
        score: 77,
        explanation: first.explanation,
        computedAt: new Date(),
      },
    });
    expect(await copyOf(none.id)).toBe(77);
    // The copy itself cannot be set to anything but the stored score.
    await db.$executeRaw`UPDATE "ExpressionOfInterest" SET "matchScore" = 12 WHERE id = ${none.id}`;
    expect(await copyOf(none.id)).toBe(77);
    expect(await outOfStep()).toEqual([]);

    // The engine: one organisation, one target, then everything with the swap.
    await rescoreOrganisation(db, first.organisationId);
    expect(await copyOf(interests[0]!.id)).toBeGreaterThanOrEqual(SCORE_FLOOR);
    await rescoreTarget(db, "THEME", otherTheme.id);
    expect(await outOfStep()).toEqual([]);
    await db.matchScore.update({ where: key, data: { score: 98 } });
    await db.matchScore.deleteMany({
      where: { targetKind: "OPPORTUNITY", targetId: opportunity.id },
    });
    expect(await copyOf(interests[4]!.id)).toBeNull();
    await rebuildAll(db);
    expect(await outOfStep()).toEqual([]);
    expect(await copyOf(interests[0]!.id)).not.toBe(98);
    expect(await copyOf(interests[4]!.id)).toBeGreaterThanOrEqual(SCORE_FLOOR);
    // The swapped-in table has the triggers again: a write after the rebuild is followed.
    await db.matchScore.update({ where: key, data: { score: 97 } });
    expect(await copyOf(interests[0]!.id)).toBe(97);
    await rescoreOrganisation(db, first.organisationId);
    expect(await outOfStep()).toEqual([]);

    // An organisation with scores and expressions can still be deleted (both cascade).
    await db.organisation.delete({ where: { id: opportunityScore.organisationId } });
    expect(await db.expressionOfInterest.count({ where: { id: interests[4]!.id } })).toBe(0);
    expect(await outOfStep()).toEqual([]);
  });
});

// The data set of the load benchmarks (scripts/bench-load.ts,
// scripts/bench-lighthouse.ts, scripts/explain-hot-queries.ts), in its own
// embedded PostgreSQL under .data/bench-load: 50,000 organisations, 200
// opportunities, 20,000 expressions of interest with their history, 1,000
// accounts (partners and officials) each with a live session, API tokens for
// the officials, and the stored match scores of a full rebuild.
//
// Signed-in requests are made like a browser's: a real Session row, and the
// next-auth JWT cookie that names it, encoded with next-auth's own `encode`
// and the app instance's NEXTAUTH_SECRET.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { hashApiToken } from "@/lib/api/tokens";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import type { InterestStatus } from "@/lib/generated/prisma/enums";
import { rebuildAll } from "@/lib/matching/engine";
import { seedDatabase } from "@/prisma/seed";
import { COOPERATION, FILLER, opportunityRow, organisationRow, pick, random } from "./bench-data";
import { startEmbedded } from "./database";

export const BENCH_DIR = path.resolve(process.env.BENCH_LOAD_DIR ?? ".data/bench-load");
// Written when the rows are stored, then when their scores are: a --reuse run
// after an interrupted rebuild only runs the rebuild again.
const DATA_MARKER = path.join(BENCH_DIR, "data.json");
const MARKER = path.join(BENCH_DIR, "seeded.json");

/** The sizes of the data set (environment variables for a quick, smaller run). */
export const SIZES = {
  organisations: Number(process.env.BENCH_ORGANISATIONS ?? 50_000),
  opportunities: Number(process.env.BENCH_OPPORTUNITIES ?? 200),
  interests: Number(process.env.BENCH_INTERESTS ?? 20_000),
  partners: Number(process.env.BENCH_PARTNERS ?? 900),
  officials: Number(process.env.BENCH_OFFICIALS ?? 100),
};

/** Every generated account has this password (hashed once). */
export const BENCH_PASSWORD = "bench-load-password-2026";
export const SESSION_COOKIE = "next-auth.session-token";

type Log = (line: string) => void;

export type BenchDatabase = { url: string; db: Db; stop(): Promise<void> };

/**
 * The benchmark's database: with `reuse`, the one already seeded under
 * .data/bench-load (seeded now if it is not); otherwise a fresh one.
 */
export async function openBenchDatabase({
  reuse,
  log = console.log,
}: {
  reuse: boolean;
  log?: Log;
}): Promise<BenchDatabase> {
  const seeded = reuse && existsSync(MARKER);
  const stored = seeded || (reuse && existsSync(DATA_MARKER));
  if (!stored) await rm(BENCH_DIR, { recursive: true, force: true, maxRetries: 10 });
  const database = await startEmbedded(path.join(BENCH_DIR, "pg"));
  const db = benchClient(database.url);
  const stop = async () => {
    await db.$disconnect();
    await database.stop();
  };
  try {
    await migrate(database.url);
    if (seeded) {
      const marker = JSON.parse(await readFile(MARKER, "utf8"));
      log(
        `reusing the data set in ${BENCH_DIR} (seeded ${marker.at}: ${JSON.stringify(marker.sizes)})`,
      );
    } else {
      if (stored) log(`the rows in ${BENCH_DIR} are stored, their scores not: rebuilding them`);
      else {
        await seedBenchData(db, log);
        await writeFile(
          DATA_MARKER,
          JSON.stringify({ at: new Date().toISOString(), sizes: SIZES }),
        );
      }
      await rebuildScores(db, log);
      await writeFile(MARKER, JSON.stringify({ at: new Date().toISOString(), sizes: SIZES }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: database.url, db, stop };
}

/**
 * A client that waits as long as it takes: the rebuild keeps several
 * connections busy at once, and on a loaded machine a free connection (or a
 * new one) can take longer than lib/db's 5 s.
 */
function benchClient(connectionString: string): Db {
  return createPrismaClient(connectionString, { max: 10, connectionTimeoutMs: 300_000 });
}

/** The API token of the i-th generated official: derived, so no file has to keep it. */
export function benchApiToken(i: number) {
  const random = createHash("sha256").update(`bridgehead-bench-token-${i}`).digest("base64url");
  return `bh_${random}`; // 43 characters after the prefix, like a real one
}

const STATUS_WEIGHTS: Array<[InterestStatus, number]> = [
  ["SUBMITTED", 0.3],
  ["IN_REVIEW", 0.2],
  ["INFO_REQUESTED", 0.05],
  ["PARTNER_REPLIED", 0.05],
  ["SHORTLISTED", 0.1],
  ["ACCEPTED", 0.1],
  ["DECLINED", 0.15],
  ["WITHDRAWN", 0.05],
];
function randomStatus(): InterestStatus {
  let r = random();
  for (const [status, weight] of STATUS_WEIGHTS) {
    r -= weight;
    if (r < 0) return status;
  }
  return "SUBMITTED";
}

const DAY = 86_400_000;

async function seedBenchData(db: Db, log: Log) {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  await seedDatabase(db, { demo: false });
  const themes = await db.theme.findMany({ select: { id: true, slug: true } });
  const now = Date.now();

  log(`generating ${SIZES.opportunities} opportunities and ${SIZES.organisations} organisations…`);
  // Most opportunities have a deadline in the next months, some none, a few past.
  const opportunities = await db.opportunity.createManyAndReturn({
    data: Array.from({ length: SIZES.opportunities }, (_, i) => {
      const r = random();
      const deadline =
        r < 0.2
          ? null
          : new Date(Math.floor((now + (r < 0.25 ? -30 : 10 + r * 200) * DAY) / DAY) * DAY);
      return {
        ...opportunityRow(i, themes[i % themes.length]!.id, { deadline }),
        publishedAt: new Date(now - 60 * DAY),
      };
    }),
    select: { id: true, themeId: true },
  });

  const organisationIds: string[] = [];
  for (let i = 0; i < SIZES.organisations; i += 5000) {
    const rows = await db.organisation.createManyAndReturn({
      data: Array.from({ length: Math.min(5000, SIZES.organisations - i) }, (_, j) => {
        const r = random();
        // 70 % consented, 20 % imported public records, 10 % neither (officials never see them).
        return {
          ...organisationRow(i + j, now),
          consentedAt: r < 0.7 ? new Date(now - random() * 300 * DAY) : null,
          origin: r >= 0.7 && r < 0.9 ? ("IMPORTED" as const) : ("REGISTERED" as const),
          externalRef: r >= 0.7 && r < 0.9 ? `bench-ref-${i + j}` : null,
        };
      }),
      select: { id: true },
    });
    organisationIds.push(...rows.map((row) => row.id));
  }
  // Every tenth organisation declares a theme.
  await db.organisationTheme.createMany({
    data: organisationIds
      .filter((_, i) => i % 10 === 7)
      .map((organisationId, i) => ({ organisationId, themeId: themes[i % themes.length]!.id })),
  });
  log(`  organisations stored (${elapsed()})`);

  // Accounts: partners each in their own organisation (spread over the set), officials.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const stride = Math.max(1, Math.floor(SIZES.organisations / Math.max(1, SIZES.partners)));
  const partnerOrganisations = Array.from(
    { length: Math.min(SIZES.partners, SIZES.organisations) },
    (_, i) => organisationIds[i * stride]!,
  );
  // Partners' organisations finished onboarding and consented.
  await db.organisation.updateMany({
    where: { id: { in: partnerOrganisations } },
    data: { consentedAt: new Date(now - 200 * DAY), onboardingStep: null, origin: "REGISTERED" },
  });
  const partners = await db.user.createManyAndReturn({
    data: partnerOrganisations.map((organisationId, i) => ({
      email: `partner-${i}@bench.example`,
      name: `Bench Partner ${i}`,
      role: "PARTNER" as const,
      organisationId,
      passwordHash,
      emailVerifiedAt: new Date(now - 200 * DAY),
      locale: "en",
    })),
    select: { id: true, organisationId: true },
  });
  const officials = await db.user.createManyAndReturn({
    data: Array.from({ length: SIZES.officials }, (_, i) => ({
      email: `official-${i}@bench.example`,
      name: `测试官员 ${i}`,
      role: i === 0 ? ("ADMIN" as const) : ("OFFICIAL" as const),
      passwordHash,
      emailVerifiedAt: new Date(now - 300 * DAY),
      locale: "zh",
    })),
    select: { id: true },
  });
  const users = [...partners, ...officials];
  await db.session.createMany({
    data: users.map((user) => ({
      userId: user.id,
      userAgent: "bench-load",
      createdAt: new Date(now - DAY),
      expiresAt: new Date(now + 29 * DAY),
    })),
  });
  await db.apiToken.createMany({
    data: officials.map((official, i) => {
      const token = benchApiToken(i);
      return {
        userId: official.id,
        name: `bench ${i}`,
        prefix: token.slice(0, 11),
        tokenHash: hashApiToken(token),
      };
    }),
  });
  log(`  ${partners.length} partners, ${officials.length} officials with sessions (${elapsed()})`);

  // Expressions of interest: five per partner organisation, one for each of
  // the other organisations taken in turn; 85 % name an opportunity.
  const partnerOf = new Map(partners.map((p) => [p.organisationId!, p.id]));
  const partnerSet = new Set(partnerOrganisations);
  const others = organisationIds.filter((id) => !partnerSet.has(id));
  const subjects: string[] = [];
  for (const id of partnerOrganisations) subjects.push(id, id, id, id, id);
  for (let i = 0; subjects.length < SIZES.interests && i < others.length; i++)
    subjects.push(others[i]!);
  const taken = new Set<string>();
  const interests = subjects.slice(0, SIZES.interests).map((organisationId) => {
    let opportunity: (typeof opportunities)[number] | null = null;
    let themeId = pick(themes).id;
    if (random() < 0.85) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const candidate = pick(opportunities);
        if (taken.has(`${organisationId}:${candidate.id}`)) continue;
        opportunity = candidate;
        themeId = candidate.themeId;
        break;
      }
    }
    const key = `${organisationId}:${opportunity?.id ?? `theme:${themeId}`}`;
    // One open expression per organisation and target: a repeat is a closed one.
    const repeat = taken.has(key);
    taken.add(key);
    const status = repeat ? pick(["ACCEPTED", "DECLINED", "WITHDRAWN"] as const) : randomStatus();
    const createdAt = new Date(now - random() * 365 * DAY);
    const reviewed = status !== "SUBMITTED" && !(status === "WITHDRAWN" && random() < 0.5);
    const firstReviewedAt = reviewed
      ? new Date(createdAt.getTime() + (0.1 + random() * 14) * DAY)
      : null;
    const decided = status === "ACCEPTED" || status === "DECLINED";
    const assigned = status === "SUBMITTED" ? random() < 0.2 : random() < 0.7;
    const partner = partnerOf.get(organisationId) ?? null;
    return {
      organisationId,
      themeId,
      opportunityId: opportunity?.id ?? null,
      status,
      motivation: `${pick(FILLER)} We would like to cooperate with Hohhot. ${pick(FILLER)}`,
      cooperationType: pick(COOPERATION),
      contribution: `${pick(FILLER)} ${pick(FILLER)}`,
      timeline: "A first meeting within three months, a pilot within a year.",
      contactUserId: partner,
      submittedById: partner,
      assigneeId: assigned ? pick(officials).id : null,
      firstReviewedAt,
      decidedAt: decided
        ? new Date((firstReviewedAt ?? createdAt).getTime() + random() * 20 * DAY)
        : null,
      declineReason: status === "DECLINED" ? ("OUT_OF_SCOPE" as const) : null,
      declineMessage: status === "DECLINED" ? "Thank you; this is outside the scope." : null,
      version: status === "SUBMITTED" ? 0 : 1,
      createdAt,
      updatedAt: firstReviewedAt ?? createdAt,
    };
  });
  const storedInterests: Array<{
    id: string;
    status: InterestStatus;
    createdAt: Date;
    assigneeId: string | null;
    submittedById: string | null;
  }> = [];
  for (let i = 0; i < interests.length; i += 5000) {
    storedInterests.push(
      ...(await db.expressionOfInterest.createManyAndReturn({
        data: interests.slice(i, i + 5000),
        select: { id: true, status: true, createdAt: true, assigneeId: true, submittedById: true },
      })),
    );
  }
  // History: the submission, then the current status; a note on every tenth.
  const events = storedInterests.flatMap((e) => [
    {
      interestId: e.id,
      toStatus: "SUBMITTED" as const,
      actorId: e.submittedById,
      createdAt: e.createdAt,
    },
    ...(e.status === "SUBMITTED"
      ? []
      : [
          {
            interestId: e.id,
            fromStatus: "SUBMITTED" as const,
            toStatus: e.status,
            actorId:
              e.status === "WITHDRAWN" ? e.submittedById : (e.assigneeId ?? officials[0]!.id),
            note: e.status === "INFO_REQUESTED" ? "Could you describe your pilot line?" : null,
            createdAt: new Date(e.createdAt.getTime() + DAY),
          },
        ]),
  ]);
  for (let i = 0; i < events.length; i += 10_000)
    await db.interestEvent.createMany({ data: events.slice(i, i + 10_000) });
  await db.interestNote.createMany({
    data: storedInterests
      .filter((_, i) => i % 10 === 0)
      .map((e) => ({
        interestId: e.id,
        authorId: e.assigneeId ?? officials[0]!.id,
        body: "Called the applicant; promising.",
        createdAt: new Date(e.createdAt.getTime() + 2 * DAY),
      })),
  });
  // Some unread notifications for the partners (the bell counts them on every page).
  await db.notification.createMany({
    data: storedInterests
      .filter((e) => e.submittedById !== null && e.status !== "SUBMITTED")
      .map((e, i) => ({
        userId: e.submittedById!,
        kind: "interest.status",
        interestId: e.id,
        data: { from: "SUBMITTED", to: e.status },
        readAt: i % 2 === 0 ? new Date(now - DAY) : null,
        createdAt: new Date(e.createdAt.getTime() + DAY),
      })),
  });
  log(
    `  ${storedInterests.length} expressions of interest, ${events.length} events stored (${elapsed()})`,
  );

  await db.$executeRawUnsafe("VACUUM ANALYZE");
}

/** The full rebuild of the match scores (lib/matching/engine.ts), as `npm run matching:rebuild`. */
async function rebuildScores(db: Db, log: Log) {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  log("rebuilding the match scores (about 100 s at full size on a quiet machine)…");
  const result = await rebuildAll(db, ({ phase, done, total }) => {
    if (done === total) log(`  ${phase}: ${done}/${total} (${elapsed()})`);
  });
  log(`  ${result.stored} scores stored (${elapsed()})`);
  await db.$executeRawUnsafe("VACUUM ANALYZE");
}

/** Who the benchmark signs in as, and what it opens. */
export type BenchFixtures = {
  themeSlug: string;
  /** Partners: their session cookie, organisation name (the page's marker) and an expression. */
  partners: Array<{ cookie: string; organisationName: string; interestId: string | null }>;
  /** Officials: their session cookie and an expression in the city's themes. */
  officials: Array<{ cookie: string; interestId: string; organisationName: string }>;
  apiTokens: string[];
};

/** The session cookie of a Session row, as next-auth would have set it at sign-in. */
export async function sessionCookie(
  session: {
    id: string;
    user: { id: string; name: string; email: string; sessionVersion: number };
  },
  secret: string,
) {
  const token = await encode({
    token: {
      name: session.user.name,
      email: session.user.email,
      sub: session.user.id,
      sid: session.id,
      sv: session.user.sessionVersion,
    },
    secret,
  });
  return `${SESSION_COOKIE}=${token}`;
}

export async function loadFixtures(
  db: Db,
  secret: string,
  { count = 40 }: { count?: number } = {},
): Promise<BenchFixtures> {
  const sessions = (role: "PARTNER" | "OFFICIAL") =>
    db.session.findMany({
      where: { userAgent: "bench-load", revokedAt: null, user: { role } },
      orderBy: { user: { email: "asc" } },
      take: count,
      select: {
        id: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            sessionVersion: true,
            organisation: {
              select: {
                name: true,
                interests: { select: { id: true }, take: 1, orderBy: { createdAt: "desc" } },
              },
            },
          },
        },
      },
    });
  const [partnerSessions, officialSessions, theme] = await Promise.all([
    sessions("PARTNER"),
    sessions("OFFICIAL"),
    // The theme with the most stored scores: the heaviest public and official pages.
    db.$queryRaw<Array<{ slug: string }>>`
      SELECT t.slug FROM "Theme" t
      JOIN "MatchScore" m ON m."targetKind" = 'THEME' AND m."targetId" = t.id
      GROUP BY t.slug ORDER BY count(*) DESC, t.slug LIMIT 1`,
  ]);
  const interests = await db.expressionOfInterest.findMany({
    where: { status: { in: ["SUBMITTED", "IN_REVIEW", "SHORTLISTED"] } },
    orderBy: { createdAt: "desc" },
    take: officialSessions.length,
    select: { id: true, organisation: { select: { name: true } } },
  });
  const partners = await Promise.all(
    partnerSessions.map(async (session) => ({
      cookie: await sessionCookie(session, secret),
      organisationName: session.user.organisation?.name ?? "",
      interestId: session.user.organisation?.interests[0]?.id ?? null,
    })),
  );
  const officials = await Promise.all(
    officialSessions.map(async (session, i) => {
      const interest = interests[i % interests.length]!;
      return {
        cookie: await sessionCookie(session, secret),
        interestId: interest.id,
        organisationName: interest.organisation.name,
      };
    }),
  );
  const tokens = await db.apiToken.count({ where: { name: { startsWith: "bench " } } });
  return {
    themeSlug: theme[0]?.slug ?? "dairy",
    partners,
    officials,
    apiTokens: Array.from({ length: tokens }, (_, i) => benchApiToken(i)),
  };
}

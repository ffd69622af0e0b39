import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { createEmptyDatabase, uniqueSuffix } from "@/lib/testing/databases";
import { purgeStaleRows } from "./maintenance";

// The purge deletes across the whole database: give it one of its own, so
// that it cannot remove rows another test file is using. lib/db reads
// DATABASE_URL on first use, which is below.
const database = await createEmptyDatabase();
await migrate(database.url);
process.env.DATABASE_URL = database.url;
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const ahead = (days: number) => new Date(Date.now() + days * DAY);

describe("purgeStaleRows", () => {
  it("deletes expired rate limits, long-ended sessions and long-dead tokens, and nothing else", async () => {
    const suffix = uniqueSuffix();
    const user = await db.user.create({
      data: { email: `purge-${suffix}@example.org`, name: "Purge" },
    });
    const session = (data: { expiresAt: Date; revokedAt?: Date }) =>
      db.session.create({ data: { userId: user.id, ...data } }).then((s) => s.id);
    const token = (name: string, data: { expiresAt: Date; usedAt?: Date }) =>
      db.userToken
        .create({
          data: {
            userId: user.id,
            purpose: "VERIFY_EMAIL",
            tokenHash: `${suffix}-${name}`,
            ...data,
          },
        })
        .then((t) => t.id);

    const sessions = {
      expiredLongAgo: await session({ expiresAt: ago(31) }),
      revokedLongAgo: await session({ expiresAt: ahead(5), revokedAt: ago(31) }),
      expiredRecently: await session({ expiresAt: ago(29) }),
      revokedRecently: await session({ expiresAt: ahead(5), revokedAt: ago(1) }),
      live: await session({ expiresAt: ahead(5) }),
    };
    const tokens = {
      usedLongAgo: await token("used-old", { expiresAt: ahead(1), usedAt: ago(8) }),
      expiredLongAgo: await token("expired-old", { expiresAt: ago(8) }),
      usedRecently: await token("used-new", { expiresAt: ago(1), usedAt: ago(6) }),
      live: await token("live", { expiresAt: ahead(1) }),
    };
    await db.rateLimit.createMany({
      data: [
        { key: `purge:${suffix}:old`, count: 3, resetAt: ago(0.001) },
        { key: `purge:${suffix}:live`, count: 3, resetAt: ahead(0.01) },
      ],
    });

    const purged = await purgeStaleRows();
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    expect(purged.tokens).toBeGreaterThanOrEqual(2);
    expect(purged.rateLimits).toBeGreaterThanOrEqual(1);

    const sessionIds = (await db.session.findMany({ where: { userId: user.id } })).map((s) => s.id);
    expect(sessionIds.sort()).toEqual(
      [sessions.expiredRecently, sessions.revokedRecently, sessions.live].sort(),
    );
    const tokenIds = (await db.userToken.findMany({ where: { userId: user.id } })).map((t) => t.id);
    expect(tokenIds.sort()).toEqual([tokens.usedRecently, tokens.live].sort());
    const keys = (
      await db.rateLimit.findMany({ where: { key: { startsWith: `purge:${suffix}:` } } })
    ).map((r) => r.key);
    expect(keys).toEqual([`purge:${suffix}:live`]);
  });
});

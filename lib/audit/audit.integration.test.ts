// The audit log in PostgreSQL: the append-only trigger with its one GDPR
// exception, and the admin page's filtered, keyset-paginated, indexed reads.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createUser, unique } from "@/lib/testing/factories";
import { listAuditEntries } from "./queries";
import { parseAuditFilter } from "./schema";
import { redactAuditOrigins, writeAudit } from "./write";

vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [] }),
}));

const origin = (ip: string) => ({ ip, userAgent: "Browser/1", requestId: `req-${unique("r")}` });

describe("the append-only trigger", () => {
  it("allows only the erasure of ip and userAgent, nothing else", async () => {
    const actorId = unique("actor");
    await writeAudit(
      db,
      { actorId, action: "test.erase", entityType: "Test", data: { n: 1 } },
      origin("192.0.2.1"),
    );
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId } });
    const refused = /append-only/;

    // Any other change: refused, alone or together with the erasure.
    await expect(
      db.auditLog.update({ where: { id: entry.id }, data: { action: "test.forged" } }),
    ).rejects.toThrow(refused);
    await expect(
      db.auditLog.update({
        where: { id: entry.id },
        data: { ip: null, userAgent: null, data: { n: 2 } },
      }),
    ).rejects.toThrow(refused);
    await expect(
      db.auditLog.update({
        where: { id: entry.id },
        data: { ip: null, userAgent: null, requestId: null },
      }),
    ).rejects.toThrow(refused);
    await expect(
      db.auditLog.update({ where: { id: entry.id }, data: { ip: "192.0.2.99" } }),
    ).rejects.toThrow(refused);
    // Half an erasure is not the erasure.
    await expect(
      db.auditLog.update({ where: { id: entry.id }, data: { ip: null } }),
    ).rejects.toThrow(refused);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(refused);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(refused);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);

    // The erasure itself.
    expect(await redactAuditOrigins(db, actorId)).toBe(1);
    const erased = await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(erased).toEqual({ ...entry, ip: null, userAgent: null });
    // And once erased, still nothing else.
    await expect(
      db.auditLog.update({ where: { id: entry.id }, data: { entityId: "x" } }),
    ).rejects.toThrow(refused);
    expect(await redactAuditOrigins(db, actorId)).toBe(0);
  });
});

describe("listAuditEntries", () => {
  const tag = unique("f").replace(/-/g, "");
  let admin: { id: string; email: string };
  let official: { id: string; email: string };

  beforeAll(async () => {
    admin = await createUser(db, { role: "ADMIN", email: `${tag}-admin@test.example` });
    official = await createUser(db, { role: "OFFICIAL", email: `${tag}-official@test.example` });
    const write = (
      actorId: string | null,
      action: string,
      entityType: string,
      entityId: string,
      ip: string,
      at: string,
    ) =>
      db.auditLog.create({
        data: { actorId, action, entityType, entityId, ip, createdAt: new Date(at) },
      });
    // One entity id per test run, so that other tests' entries stay out.
    await write(
      admin.id,
      "auth.sign_in",
      "User",
      `${tag}-u1`,
      "192.0.2.10",
      "2026-11-01T23:59:59.999Z",
    );
    await write(
      official.id,
      "auth.sign_in_failed",
      "User",
      `${tag}-u2`,
      "192.0.2.11",
      "2026-11-02T00:00:00.000Z",
    );
    await write(
      null,
      "auth.sign_in_failed",
      "User",
      `${tag}-u3`,
      "192.0.2.12",
      "2026-11-02T12:00:00.000Z",
    );
    await write(
      official.id,
      "opportunity.publish",
      "Opportunity",
      `${tag}-o1`,
      "192.0.2.11",
      "2026-11-03T08:00:00.000Z",
    );
    await write(
      admin.id,
      "user.disable",
      "User",
      `${tag}-u2`,
      "192.0.2.10",
      "2026-11-03T09:00:00.000Z",
    );
  });

  const list = (params: Record<string, string>, pageSize?: number) =>
    listAuditEntries(parseAuditFilter(params), pageSize);
  const ids = (entries: { entityId: string | null; action: string }[]) =>
    entries.map((e) => `${e.action} ${e.entityId?.replace(`${tag}-`, "")}`);

  it("filters by actor email, action, prefix, entity, days (UTC) and IP; newest first", async () => {
    expect(ids((await list({ actor: `${tag}-official` })).entries)).toEqual([
      "opportunity.publish o1",
      "auth.sign_in_failed u2",
    ]);
    expect(ids((await list({ actor: tag, prefix: "auth." })).entries)).toEqual([
      "auth.sign_in_failed u2",
      "auth.sign_in u1",
    ]);
    expect(
      ids((await list({ action: "auth.sign_in_failed", entity: `${tag}-u3` })).entries),
    ).toEqual(["auth.sign_in_failed u3"]);
    expect(ids((await list({ type: "User", entity: `${tag}-u2` })).entries)).toEqual([
      "user.disable u2",
      "auth.sign_in_failed u2",
    ]);
    // 2 November, UTC: from its first to its last millisecond.
    expect(ids((await list({ actor: tag, from: "2026-11-02", to: "2026-11-02" })).entries)).toEqual(
      ["auth.sign_in_failed u2"],
    );
    expect(ids((await list({ ip: "192.0.2.12" })).entries)).toEqual(["auth.sign_in_failed u3"]);
    expect((await list({ actor: `${tag}-nobody` })).entries).toEqual([]);
  });

  it("pages by keyset, older and back newer, with the actor of each entry", async () => {
    const first = await list({ actor: tag }, 2);
    expect(ids(first.entries)).toEqual(["user.disable u2", "opportunity.publish o1"]);
    expect(first).toMatchObject({ hasOlder: true, hasNewer: false });
    expect(first.entries[0]!.actor).toMatchObject({
      id: admin.id,
      email: admin.email,
      role: "ADMIN",
    });

    const last = first.entries.at(-1)!;
    const second = await list(
      { actor: tag, before: `${last.createdAt.toISOString()}_${last.id}` },
      2,
    );
    expect(ids(second.entries)).toEqual(["auth.sign_in_failed u2", "auth.sign_in u1"]);
    expect(second).toMatchObject({ hasOlder: false, hasNewer: true });

    const top = second.entries[0]!;
    const back = await list({ actor: tag, after: `${top.createdAt.toISOString()}_${top.id}` }, 2);
    expect(ids(back.entries)).toEqual(ids(first.entries));
    expect(back).toMatchObject({ hasOlder: true, hasNewer: false });
  });

  it("an erased actor shows as such, an anonymous one as none", async () => {
    const page = await list({ entity: `${tag}-u3` });
    expect(page.entries[0]).toMatchObject({ actorId: null, actor: null });
    const erased = unique("gone");
    await db.auditLog.create({
      data: { actorId: erased, action: "user.deleted", entityType: "User", entityId: erased },
    });
    expect((await list({ entity: erased })).entries[0]).toMatchObject({
      actorId: erased,
      actor: null,
    });
  });

  it("reads newest first and by actor through indexes", async () => {
    const plan = async (sql: string, ...values: unknown[]) =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const rows = await tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
          `EXPLAIN ${sql}`,
          ...values,
        );
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
    expect(
      await plan(`SELECT * FROM "AuditLog" ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`),
    ).toContain("AuditLog_createdAt_id_idx");
    expect(
      await plan(
        `SELECT * FROM "AuditLog" WHERE "actorId" = ANY($1) ORDER BY "createdAt" DESC LIMIT 51`,
        [admin.id],
      ),
    ).toMatch(/AuditLog_actorId_createdAt_idx/);
    expect(
      await plan(
        `SELECT * FROM "AuditLog" WHERE "ip" = $1 ORDER BY "createdAt" DESC LIMIT 51`,
        "192.0.2.10",
      ),
    ).toMatch(/AuditLog_ip_createdAt_idx/);
  });
});

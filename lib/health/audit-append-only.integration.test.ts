import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/lib/testing/databases";

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createEmptyDatabase();
  drop = database.drop;
  await migrate(database.url);
  db = createPrismaClient(database.url, { max: 2 });
});

afterAll(async () => {
  await db.$disconnect();
  await drop();
});

describe("the audit log", () => {
  it("takes new entries but refuses to change, delete or truncate them", async () => {
    const entry = await db.auditLog.create({
      data: { action: "test.append", entityType: "Test", data: { n: 1 } },
    });
    await expect(
      db.auditLog.update({ where: { id: entry.id }, data: { action: "test.forged" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    const again = await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(again.action).toBe("test.append");
  });
});

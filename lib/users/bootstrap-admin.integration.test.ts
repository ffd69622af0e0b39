import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { createEmptyDatabase, uniqueSuffix } from "@/lib/testing/databases";
import { BootstrapError, ensureAdmin } from "./bootstrap-admin";

process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret-0123456789";

const run = promisify(execFile);
const address = (label: string) => `${label}-${uniqueSuffix()}@example.eu`;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BootstrapError);
  return (error as Error).message;
}

describe("ensureAdmin", () => {
  it("creates an active, verified admin with a random password shown once", async () => {
    const email = address("boss");
    const result = await ensureAdmin(db, { email: `  ${email.toUpperCase()} ` });
    expect(result).toMatchObject({ action: "created", email, passwordSet: true });
    expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({
      role: "ADMIN",
      status: "ACTIVE",
      organisationId: null,
      name: "Administrator",
    });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(user.passwordHash!, result.generatedPassword!)).toBe(true);
  });

  it("uses the given password after checking it against the policy", async () => {
    const email = address("given");
    expect(await refusal(ensureAdmin(db, { email, password: "short" }))).toMatch(/12 to 128/);
    expect(await refusal(ensureAdmin(db, { email, password: "password1234" }))).toMatch(
      /too common/,
    );
    expect(await refusal(ensureAdmin(db, { email, password: `${email}-x` }))).toMatch(
      /email address/,
    );
    expect(await db.user.count({ where: { email } })).toBe(0);
    const result = await ensureAdmin(db, {
      email,
      name: "Ops Team",
      password: "granite meadow signal 42",
    });
    expect(result).toMatchObject({ generatedPassword: null, passwordSet: true });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe("Ops Team");
    expect(await verifyPassword(user.passwordHash!, "granite meadow signal 42")).toBe(true);
  });

  it("promotes an official, ending their sessions, and keeps their password", async () => {
    const email = address("official");
    const official = await db.user.create({
      data: {
        email,
        name: "Li Na",
        role: "OFFICIAL",
        passwordHash: "kept-hash",
        status: "DISABLED",
      },
    });
    const session = await db.session.create({
      data: { userId: official.id, expiresAt: new Date(Date.now() + 60_000) },
    });
    const result = await ensureAdmin(db, { email });
    expect(result).toMatchObject({
      action: "promoted",
      generatedPassword: null,
      passwordSet: false,
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: official.id } });
    expect(after).toMatchObject({
      role: "ADMIN",
      status: "ACTIVE",
      passwordHash: "kept-hash",
      sessionVersion: 1,
      name: "Li Na",
    });
    expect(
      (await db.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt,
    ).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "User", entityId: official.id },
    });
    expect(audit).toMatchObject({ actorId: null, action: "user.role.change" });
  });

  it("refuses a partner of an organisation and a bad address", async () => {
    const org = await db.organisation.create({
      data: { name: `Org ${uniqueSuffix()}`, type: "SME", country: "IT", description: "Test." },
    });
    const email = address("partner");
    await db.user.create({
      data: { email, name: "Partner", role: "PARTNER", organisationId: org.id },
    });
    expect(await refusal(ensureAdmin(db, { email }))).toMatch(/partner account/);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).role).toBe("PARTNER");
    expect(await refusal(ensureAdmin(db, { email: "not-an-address" }))).toMatch(
      /not a valid email address/,
    );
  });
});

describe("npm run create-admin", () => {
  it("migrates a fresh database, creates the admin and prints the password; a bad address exits non-zero", async () => {
    const database = await createEmptyDatabase();
    const env = { ...process.env, DATABASE_URL: database.url, BRIDGEHEAD_ADMIN_PASSWORD: "" };
    try {
      const { stdout } = await run(
        "npx",
        ["tsx", "scripts/create-admin.ts", "First.Admin@Example.EU"],
        { env },
      );
      expect(stdout).toMatch(/Created the administrator first\.admin@example\.eu/);
      const password = stdout.match(/One-time password[^:]*: (\S+)/)?.[1];
      expect(password).toBeDefined();
      const fresh = createPrismaClient(database.url, { max: 1 });
      try {
        const user = await fresh.user.findUniqueOrThrow({
          where: { email: "first.admin@example.eu" },
        });
        expect(user.role).toBe("ADMIN");
        expect(await verifyPassword(user.passwordHash!, password!)).toBe(true);
      } finally {
        await fresh.$disconnect();
      }

      const failed = await run("npx", ["tsx", "scripts/create-admin.ts", "nobody"], { env }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toMatch(/"nobody" is not a valid email address/);
    } finally {
      await database.drop();
    }
  }, 60_000);
});

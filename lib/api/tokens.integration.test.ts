// Creating and revoking API tokens from the UI's server actions and from the
// command line; every change leaves an audit row.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { unique } from "@/lib/testing/factories";

const session = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => session.caller,
}));

const { createApiTokenAction, revokeApiTokenAction } = await import("./actions");
const { listTokensForPage } = await import("./queries");
const { authenticateApi } = await import("./auth");
const themesRoute = await import("@/app/api/v1/themes/route");

async function signedIn(role: Role, status: "ACTIVE" | "DISABLED" = "ACTIVE") {
  const user = await db.user.create({
    data: {
      email: `${unique(role.toLowerCase())}@test.example`,
      name: unique("Name"),
      role,
      status,
      emailVerifiedAt: new Date(),
    },
  });
  const caller: Caller = {
    userId: user.id,
    sessionId: "test",
    role,
    organisationId: null,
    email: user.email,
    name: user.name,
    locale: "zh",
  };
  return { user, caller };
}

const as = (caller: Caller | null) => {
  session.caller = caller;
};

const bearer = (token: string) =>
  new Request("http://localhost/api/v1/themes", { headers: { Authorization: `Bearer ${token}` } });

describe("API token actions", () => {
  it("an official creates a token shown once, stored hashed, with an audit row", async () => {
    const { user, caller } = await signedIn("OFFICIAL");
    as(caller);
    const result = await createApiTokenAction({ name: "  Report script  " });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.token).toMatch(/^bh_[A-Za-z0-9_-]{43}$/);
    expect(result.data.name).toBe("Report script");
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toContain(result.data.token.slice(3));
    expect(row.prefix).toBe(result.data.token.slice(0, 11));
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "ApiToken", entityId: row.id },
    });
    expect(audit).toMatchObject({ action: "apiToken.create", actorId: user.id });
    expect((await authenticateApi(bearer(result.data.token))).userId).toBe(user.id);
  });

  it("refuses partners, bad names and smuggled fields", async () => {
    const partner = await signedIn("PARTNER");
    as(partner.caller);
    expect(await createApiTokenAction({ name: "x" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db.apiToken.count({ where: { userId: partner.user.id } })).toBe(0);

    const { user, caller } = await signedIn("OFFICIAL");
    as(caller);
    expect(await createApiTokenAction({ name: "  " })).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { name: "required" },
    });
    const smuggled = await createApiTokenAction({ name: "x", userId: partner.user.id } as never);
    expect(smuggled).toMatchObject({ ok: false, fieldErrors: { _form: "unknownFields" } });
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("an official revokes only their own tokens; an admin any; each with an audit row", async () => {
    const alice = await signedIn("OFFICIAL");
    const bob = await signedIn("OFFICIAL");
    const admin = await signedIn("ADMIN");
    as(alice.caller);
    const created = await createApiTokenAction({ name: "alice" });
    if (!created.ok) throw new Error("not created");
    const tokenId = (await db.apiToken.findFirstOrThrow({ where: { userId: alice.user.id } })).id;

    as(bob.caller);
    expect(await revokeApiTokenAction({ tokenId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: tokenId } })).revokedAt).toBeNull();
    expect((await listTokensForPage(bob.caller)).own).toHaveLength(0);
    expect((await listTokensForPage(bob.caller)).all).toBeNull();

    as(admin.caller);
    const all = (await listTokensForPage(admin.caller)).all!;
    expect(all.find((t) => t.id === tokenId)?.user.email).toBe(alice.user.email);
    expect(await revokeApiTokenAction({ tokenId })).toEqual({ ok: true, data: undefined });
    expect(await revokeApiTokenAction({ tokenId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const audit = await db.auditLog.findMany({
      where: { entityType: "ApiToken", entityId: tokenId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["apiToken.create", alice.user.id],
      ["apiToken.revoke", admin.user.id],
    ]);
    const response = await themesRoute.GET(bearer(created.data.token), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(401);
  });
});

describe("npm run api-token", () => {
  const run = promisify(execFile);
  const root = path.resolve(__dirname, "../..");
  const cli = (...args: string[]) =>
    run("npx", ["tsx", "scripts/api-token.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "silent" },
      timeout: 60_000,
    });

  it("prints a token on its last line that then authenticates", async () => {
    const { user } = await signedIn("OFFICIAL");
    const { stdout } = await cli(user.email, "Nightly", "export");
    const lines = stdout.trimEnd().split("\n");
    const token = lines.at(-1)!;
    expect(token).toMatch(/^bh_[A-Za-z0-9_-]{43}$/);
    expect(stdout.endsWith(`${token}\n`)).toBe(true);
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.name).toBe("Nightly export");
    const response = await themesRoute.GET(bearer(token), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: row.id } });
    expect(audit.data).toMatchObject({ source: "cli" });
  }, 90_000);

  it("refuses a partner and an unknown address, printing no token", async () => {
    const { user } = await signedIn("PARTNER");
    const error = await cli(user.email).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stdout).not.toMatch(/bh_/);
    expect(error.stderr).toContain("only active officials and administrators");
    expect(await db.apiToken.count({ where: { userId: user.id } })).toBe(0);
    const unknown = await cli(`${unique("nobody")}@test.example`).catch((e) => e);
    expect(unknown.code).toBe(1);
  }, 90_000);
});

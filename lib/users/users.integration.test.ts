import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { uniqueSuffix } from "@/lib/testing/databases";

// lib/db reads the whole environment on first use; the tests need no real secret.
process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret-0123456789";

const session = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => session.caller,
}));

const { changeUserRoleAction, setUserStatusAction } = await import("./actions");
const { changeUserRole, setUserStatus } = await import("./mutations");
const { listOrganisationMembers, listUsers } = await import("./queries");
const { loadSession } = await import("@/lib/auth/sessions");

async function organisation(label: string) {
  return db.organisation.create({
    data: { name: `${label} ${uniqueSuffix()}`, type: "SME", country: "FR", description: "Test." },
  });
}

async function user(role: Role, organisationId: string | null = null, name?: string) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}-${suffix}@example.eu`,
      name: name ?? `${role} ${suffix}`,
      role,
      organisationId,
      emailVerifiedAt: new Date(),
    },
  });
}

async function signIn(userId: string) {
  return db.session.create({
    data: { userId, expiresAt: new Date(Date.now() + 86_400_000) },
  });
}

const callerOf = (u: {
  id: string;
  role: Role;
  organisationId: string | null;
  email: string;
  name: string;
}): Caller => ({
  userId: u.id,
  sessionId: "test-session",
  role: u.role,
  organisationId: u.organisationId,
  email: u.email,
  name: u.name,
  locale: "en",
});

async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), String(error)).toBe(true);
  return {
    code: (error as { code: string }).code,
    form: (error as { fields?: Record<string, string> }).fields?._form,
  };
}

beforeEach(() => {
  session.caller = null;
});

describe("listOrganisationMembers", () => {
  it("lists the members of the given organisation only", async () => {
    const orgA = await organisation("Members A");
    const orgB = await organisation("Members B");
    const a1 = await user("PARTNER", orgA.id, "Anna");
    const a2 = await user("PARTNER", orgA.id, "Bert");
    await user("PARTNER", orgB.id, "Carla");
    await user("ADMIN");
    const members = await listOrganisationMembers(orgA.id);
    expect(members.map((m) => m.id)).toEqual([a1.id, a2.id]);
    expect(Object.keys(members[0]!)).not.toContain("passwordHash");
  });
});

describe("setUserStatus", () => {
  it("disables: status, sessions revoked, session version moved on, audit row", async () => {
    const admin = await user("ADMIN");
    const target = await user("PARTNER", (await organisation("Disable")).id);
    const s1 = await signIn(target.id);
    const s2 = await signIn(target.id);
    expect(await loadSession(s1.id, 0)).not.toBeNull();

    expect(
      await setUserStatus({ actorId: admin.id, userId: target.id, status: "DISABLED" }),
    ).toEqual({ changed: true });

    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.status).toBe("DISABLED");
    expect(after.sessionVersion).toBe(target.sessionVersion + 1);
    const sessions = await db.session.findMany({ where: { id: { in: [s1.id, s2.id] } } });
    expect(sessions.every((s) => s.revokedAt !== null)).toBe(true);
    expect(await loadSession(s1.id, after.sessionVersion)).toBeNull();
    const audit = await db.auditLog.findMany({
      where: { entityType: "User", entityId: target.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      action: "user.disable",
      data: { from: "ACTIVE", to: "DISABLED" },
    });
  });

  it("re-enables with an audit row; setting the same status again changes nothing", async () => {
    const admin = await user("ADMIN");
    const target = await user("OFFICIAL");
    await setUserStatus({ actorId: admin.id, userId: target.id, status: "DISABLED" });
    expect(
      await setUserStatus({ actorId: admin.id, userId: target.id, status: "DISABLED" }),
    ).toEqual({ changed: false });
    expect(await setUserStatus({ actorId: admin.id, userId: target.id, status: "ACTIVE" })).toEqual(
      { changed: true },
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
    const actions = await db.auditLog.findMany({
      where: { entityType: "User", entityId: target.id },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["user.disable", "user.enable"]);
  });

  it("refuses to disable oneself", async () => {
    const admin = await user("ADMIN");
    const session = await signIn(admin.id);
    expect(
      await refusalOf(setUserStatus({ actorId: admin.id, userId: admin.id, status: "DISABLED" })),
    ).toEqual({
      code: "FORBIDDEN",
      form: "selfDisable",
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after).toMatchObject({ status: "ACTIVE", sessionVersion: 0 });
    expect(
      (await db.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt,
    ).toBeNull();
    expect(await db.auditLog.count({ where: { entityType: "User", entityId: admin.id } })).toBe(0);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const admin = await user("ADMIN");
    expect(
      (await refusalOf(setUserStatus({ actorId: admin.id, userId: "nobody", status: "DISABLED" })))
        .code,
    ).toBe("NOT_FOUND");
  });
});

describe("changeUserRole", () => {
  it("moves an official to admin: sessions end, version moves on, audit row", async () => {
    const admin = await user("ADMIN");
    const official = await user("OFFICIAL");
    const s = await signIn(official.id);
    expect(await changeUserRole({ actorId: admin.id, userId: official.id, role: "ADMIN" })).toEqual(
      { changed: true },
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: official.id } });
    expect(after).toMatchObject({ role: "ADMIN", sessionVersion: 1, organisationId: null });
    expect((await db.session.findUniqueOrThrow({ where: { id: s.id } })).revokedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "User", entityId: official.id },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      action: "user.role.change",
      data: { from: "OFFICIAL", to: "ADMIN" },
    });
  });

  it("refuses to demote oneself, to make a partner staff, or staff a partner", async () => {
    const admin = await user("ADMIN");
    const partner = await user("PARTNER", (await organisation("Role")).id);
    const official = await user("OFFICIAL");
    expect(
      await refusalOf(changeUserRole({ actorId: admin.id, userId: admin.id, role: "OFFICIAL" })),
    ).toEqual({
      code: "FORBIDDEN",
      form: "selfRole",
    });
    expect(
      await refusalOf(changeUserRole({ actorId: admin.id, userId: partner.id, role: "OFFICIAL" })),
    ).toEqual({
      code: "FORBIDDEN",
      form: "partnerToStaff",
    });
    expect(
      await refusalOf(changeUserRole({ actorId: admin.id, userId: official.id, role: "PARTNER" })),
    ).toEqual({
      code: "FORBIDDEN",
      form: "staffToPartner",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect((await db.user.findUniqueOrThrow({ where: { id: partner.id } })).role).toBe("PARTNER");
    expect((await db.user.findUniqueOrThrow({ where: { id: official.id } })).role).toBe("OFFICIAL");
    expect(
      await db.auditLog.count({
        where: { entityType: "User", entityId: { in: [admin.id, partner.id, official.id] } },
      }),
    ).toBe(0);
  });
});

describe("admin user actions", () => {
  it("are for admins only", async () => {
    const target = await user("OFFICIAL");
    session.caller = callerOf(await user("OFFICIAL"));
    expect(await setUserStatusAction({ userId: target.id, status: "DISABLED" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await changeUserRoleAction({ userId: target.id, role: "ADMIN" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });

  it("carry the refusal to the form and refuse the PARTNER role at the schema", async () => {
    const admin = await user("ADMIN");
    session.caller = callerOf(admin);
    expect(await setUserStatusAction({ userId: admin.id, status: "DISABLED" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      fieldErrors: { _form: "selfDisable" },
    });
    const official = await user("OFFICIAL");
    expect(
      await changeUserRoleAction({ userId: official.id, role: "PARTNER" } as never),
    ).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { role: "invalid" },
    });
    expect(await setUserStatusAction({ userId: official.id, status: "DISABLED" })).toEqual({
      ok: true,
      data: { changed: true },
    });
  });
});

describe("listUsers", () => {
  it("filters by role and status, searches name and email, and pages", async () => {
    const marker = `zq${uniqueSuffix()}`;
    const org = await organisation("List");
    const created = [];
    for (let i = 0; i < 27; i++)
      created.push(await user("PARTNER", org.id, `${marker} partner ${i}`));
    const official = await user("OFFICIAL", null, `${marker} official`);
    await db.user.update({ where: { id: created[0]!.id }, data: { status: "DISABLED" } });

    const first = await listUsers({ q: marker.toUpperCase() });
    expect(first.total).toBe(28);
    expect(first.pages).toBe(2);
    expect(first.users).toHaveLength(25);
    const second = await listUsers({ q: marker, page: 2 });
    expect(second.users).toHaveLength(3);
    expect(new Set([...first.users, ...second.users].map((u) => u.id)).size).toBe(28);
    // A page beyond the end shows the last one.
    expect((await listUsers({ q: marker, page: 99 })).page).toBe(2);

    expect((await listUsers({ q: marker, role: "OFFICIAL" })).users.map((u) => u.id)).toEqual([
      official.id,
    ]);
    expect((await listUsers({ q: marker, status: "DISABLED" })).users.map((u) => u.id)).toEqual([
      created[0]!.id,
    ]);
    const byEmail = await listUsers({ q: created[5]!.email.toUpperCase() });
    expect(byEmail.users.map((u) => u.id)).toEqual([created[5]!.id]);
    expect(byEmail.users[0]!.organisation?.name).toBe(org.name);
  });
});

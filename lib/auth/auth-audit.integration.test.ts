// The audit trail of authentication and authorisation: every sign-in, failed
// sign-in, sign-out, reset, password and email change, session revocation,
// refusal by the gate and refused API token leaves an entry with who, what
// and from where; none holds a password, a token, a token hash, a session id
// or an email address; erasing an account forgets its IP addresses.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";

const state = vi.hoisted(() => {
  // The client's address is believed only from the trusted proxy's header.
  process.env.TRUSTED_IP_HEADER = "x-real-ip";
  return {
    caller: null as Caller | null,
    headers: new Headers(),
    emails: [] as Array<{ to: string; template: string; data: Record<string, unknown> }>,
    after: [] as Array<Promise<unknown>>,
  };
});

vi.mock("next/headers", () => ({
  headers: async () => state.headers,
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  // Run "after the response" callbacks at once, and let the test wait for them.
  after: (callback: () => Promise<unknown>) => {
    state.after.push(callback());
  },
}));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getLocale: async () => "en",
}));
vi.mock("@/lib/email/send", () => ({
  queueEmail: async (input: { to: string; template: string; data: Record<string, unknown> }) => {
    state.emails.push(input);
    return "email-id";
  },
}));
vi.mock("@/lib/jobs/boss", () => ({
  // Account jobs (lib/auth/account-jobs.ts) run at once, as the worker would.
  sendJob: async (name: string, data: unknown) => {
    await (await import("@/lib/auth/account-jobs")).runAccountJob(name, data);
    return "job-id";
  },
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => state.caller,
}));

const { authOptions } = await import("./options");
const { handleAuth } = await import("./route-handler");
const actions = await import("./actions");
const { authorize } = await import("./gate");
const { requirePageCaller } = await import("./page-gate");
const { setUserStatusAction } = await import("@/lib/users/actions");
const { createApiRoute, API_OFFICIALS, apiJson } = await import("@/lib/api/auth");
const { createApiToken, revokeApiToken, hashApiToken } = await import("@/lib/api/tokens");
const { writeAudit } = await import("@/lib/audit/write");

/** A request from a client of our own: its address, browser and request id. */
function from(ip: string) {
  const requestId = `req-${unique("id")}`;
  state.headers = new Headers({
    "x-real-ip": ip,
    "user-agent": `AuditTest/1.0 (${ip})`,
    "x-request-id": requestId,
  });
  return { ip, requestId, userAgent: `AuditTest/1.0 (${ip})` };
}

function callerOf(user: {
  id: string;
  role: Role;
  organisationId: string | null;
  email: string;
  name: string;
}): Caller {
  return {
    userId: user.id,
    sessionId: "test-session",
    role: user.role,
    organisationId: user.organisationId,
    email: user.email,
    name: user.name,
    locale: "en",
  };
}

function credentialsProvider(options: ReturnType<typeof authOptions>) {
  const provider = options.providers[0] as unknown as {
    options: { authorize(raw: Record<string, string>): Promise<{ id: string } | null> };
  };
  return provider.options;
}

const entriesOf = (where: { actorId?: string | null; requestId?: string; action?: string }) =>
  db.auditLog.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

beforeEach(() => {
  state.caller = null;
  state.emails = [];
  state.after = [];
  state.headers = new Headers();
});

describe("signing in and out", () => {
  it("records failures with the account (or none) and the reason, success and sign-out", async () => {
    const user = await createUser(db, { role: "OFFICIAL" });
    const disabled = await createUser(db);
    await db.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    const origin = from("203.0.113.10");
    const options = authOptions({ ...origin });
    const provider = credentialsProvider(options);
    const unknownEmail = `${unique("nobody")}@test.example`;

    expect(
      await provider.authorize({ email: unknownEmail, password: "some guess 123" }),
    ).toBeNull();
    expect(
      await provider.authorize({ email: user.email, password: "wrong password!!" }),
    ).toBeNull();
    expect(await provider.authorize({ email: disabled.email, password: TEST_PASSWORD })).toBeNull();
    const signedIn = await provider.authorize({ email: user.email, password: TEST_PASSWORD });
    expect(signedIn?.id).toBe(user.id);

    const token = await options.callbacks!.jwt!({
      token: { sub: user.id },
      user: signedIn as never,
    } as never);
    await options.events!.signOut!({ token, session: null as never });
    await options.events!.signOut!({ token, session: null as never }); // already signed out

    const entries = await entriesOf({ requestId: origin.requestId });
    expect(
      entries.map((e) => [e.action, e.actorId, (e.data as { reason?: string })?.reason]),
    ).toEqual([
      ["auth.sign_in_failed", null, "unknown_account"],
      ["auth.sign_in_failed", user.id, "wrong_password"],
      ["auth.sign_in_failed", disabled.id, "disabled"],
      ["auth.sign_in", user.id, undefined],
      ["auth.sign_out", user.id, undefined],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        ip: "203.0.113.10",
        userAgent: origin.userAgent,
        requestId: origin.requestId,
      });
      expect(entry.createdAt).toBeInstanceOf(Date);
    }
    expect(JSON.stringify(entries)).not.toContain(unknownEmail);
    expect(JSON.stringify(entries)).not.toContain(token.sid as string);
  });

  it("records a rate-limited sign-in once per window, not once per attempt", async () => {
    const user = await createUser(db);
    // The account's window is full (as ten failed attempts leave it).
    const { hit, RATE_LIMITS } = await import("@/lib/rate-limit");
    for (let i = 0; i < RATE_LIMITS.loginPerAccount.limit; i++)
      await hit(`login:email:${user.email}`, RATE_LIMITS.loginPerAccount);
    const attempt = async () => {
      const origin = from("203.0.113.11");
      const body = new URLSearchParams({ email: user.email, password: "guess number one" });
      const response = await handleAuth(
        new Request("http://localhost/api/auth/callback/credentials", {
          method: "POST",
          body,
          headers: {
            ...Object.fromEntries(state.headers),
            "content-type": "application/x-www-form-urlencoded",
          },
        }),
        { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
      );
      expect(response.status).toBe(429);
      return origin;
    };
    const first = await attempt();
    await attempt();
    const entries = await entriesOf({ actorId: user.id, action: "auth.sign_in_failed" });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      requestId: first.requestId,
      ip: "203.0.113.11",
      data: { reason: "rate_limited" },
    });
  });
});

describe("account events", () => {
  it("reset, password and email changes, revocation: recorded, without a secret or an address", async () => {
    const user = await createUser(db, { role: "OFFICIAL" });
    const newPassword = "a fresh passphrase for the audit 7";
    const secondPassword = "another passphrase for the audit 8";
    const newEmail = `${unique("moved")}@test.example`;
    const unknownEmail = `${unique("stranger")}@test.example`;
    const origin = from("203.0.113.20");

    expect(await actions.requestPasswordReset({ email: user.email })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await actions.requestPasswordReset({ email: unknownEmail })).toMatchObject({ ok: true });
    const resetUrl = String(state.emails.find((m) => m.template === "reset-password")?.data.url);
    const resetToken = new URL(resetUrl).searchParams.get("token")!;
    expect(
      await actions.resetPassword({
        token: resetToken,
        password: newPassword,
        confirm: newPassword,
      }),
    ).toMatchObject({ ok: true });

    state.caller = callerOf(user);
    expect(
      await actions.changePassword({
        currentPassword: "not my password",
        password: secondPassword,
        confirm: secondPassword,
      }),
    ).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(
      await actions.changePassword({
        currentPassword: newPassword,
        password: secondPassword,
        confirm: secondPassword,
      }),
    ).toMatchObject({ ok: true });
    expect(
      await actions.requestEmailChange({ currentPassword: secondPassword, email: newEmail }),
    ).toMatchObject({ ok: true });
    const changeUrl = String(state.emails.find((m) => m.template === "change-email")?.data.url);
    const changeToken = new URL(changeUrl).searchParams.get("token")!;
    expect(await actions.confirmEmailChange({ token: changeToken })).toMatchObject({ ok: true });
    expect(await actions.logOutEverywhere({})).toMatchObject({ ok: true });

    const mine = await entriesOf({ actorId: user.id });
    expect(mine.map((e) => e.action)).toEqual([
      "auth.password_reset_requested",
      "user.password_reset",
      "auth.reauth_failed",
      "user.password_changed",
      "user.email_change_requested",
      "user.email_changed",
      "user.logout_everywhere",
    ]);
    for (const entry of mine)
      expect(entry).toMatchObject({ ip: "203.0.113.20", requestId: origin.requestId });
    const anonymous = await entriesOf({ requestId: origin.requestId, actorId: null });
    expect(anonymous.map((e) => [e.action, e.data])).toEqual([
      ["auth.password_reset_requested", { account: "unknown" }],
    ]);

    // Nothing secret or personal in any of them.
    const text = JSON.stringify([...mine, ...anonymous]);
    const tokens = await db.userToken.findMany({ where: { userId: user.id } });
    const sessions = await db.session.findMany({ where: { userId: user.id } });
    for (const secret of [
      TEST_PASSWORD,
      newPassword,
      secondPassword,
      "not my password",
      resetToken,
      changeToken,
      ...tokens.map((t) => t.tokenHash),
      ...sessions.map((s) => s.id),
      user.email,
      newEmail,
      unknownEmail,
      user.name,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("refusals", () => {
  it("a signed-in caller refused by the gate: in actions, and on pages before the 404", async () => {
    const partner = await createUser(db, { role: "PARTNER" });
    const target = await createUser(db, { role: "OFFICIAL" });
    const origin = from("203.0.113.30");
    state.caller = callerOf(partner);

    expect(await setUserStatusAction({ userId: target.id, status: "DISABLED" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    await expect(
      requirePageCaller("en", "/admin/audit?prefix=auth.", { roles: ["ADMIN"] }),
    ).rejects.toThrow("NEXT_NOT_FOUND");
    expect(() =>
      authorize(callerOf(partner), { roles: ["OFFICIAL"] }, { action: "x.y" }),
    ).toThrow();
    await Promise.all(state.after);

    const entries = await entriesOf({ actorId: partner.id, action: "authz.denied" });
    expect(entries.map((e) => [e.entityType, e.entityId])).toEqual([
      ["Action", "setUserStatus"],
      ["Page", "/en/admin/audit"],
      ["Action", "x.y"],
    ]);
    expect(entries[1]).toMatchObject({
      ip: "203.0.113.30",
      requestId: origin.requestId,
      data: { reason: "role", role: "PARTNER", required: ["ADMIN"] },
    });
    // Nothing changed, and a caller who passes is not recorded.
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
    authorize(callerOf(partner), { roles: ["PARTNER"] });
    await Promise.all(state.after);
    expect(await db.auditLog.count({ where: { actorId: partner.id } })).toBe(3);
  });

  it("API tokens refused: a partner's (403), a revoked and an unknown one (401)", async () => {
    const official = await createUser(db, { role: "OFFICIAL" });
    // A token whose owner has since become a partner.
    const partner = await createUser(db, { role: "OFFICIAL" });
    const partnerToken = await createApiToken(db, {
      userId: partner.id,
      name: "old token",
      actorId: null,
    });
    await db.user.update({ where: { id: partner.id }, data: { role: "PARTNER" } });
    const revoked = await createApiToken(db, { userId: official.id, name: "gone", actorId: null });
    await revokeApiToken(db, { tokenId: revoked.id, ownerId: official.id, actorId: official.id });
    const unknownToken = `bh_${"A".repeat(43)}`;
    const route = createApiRoute(API_OFFICIALS, async () => apiJson({ ok: true }));
    const call = (token: string, ip: string) =>
      route(
        new Request("http://localhost/api/v1/themes", {
          headers: {
            authorization: `Bearer ${token}`,
            "x-real-ip": ip,
            "user-agent": "curl/8",
            "x-request-id": `req-${ip}`,
          },
        }),
        { params: Promise.resolve({}) },
      );

    expect((await call(partnerToken.token, "198.51.100.1")).status).toBe(403);
    expect((await call(revoked.token, "198.51.100.2")).status).toBe(401);
    expect((await call(unknownToken, "198.51.100.3")).status).toBe(401);

    const entries = await db.auditLog.findMany({
      where: {
        action: "api.token_refused",
        ip: { in: ["198.51.100.1", "198.51.100.2", "198.51.100.3"] },
      },
      orderBy: { ip: "asc" },
    });
    expect(
      entries.map((e) => [e.ip, e.actorId, e.entityId, (e.data as { reason: string }).reason]),
    ).toEqual([
      ["198.51.100.1", partner.id, partnerToken.id, "role"],
      ["198.51.100.2", official.id, revoked.id, "revoked"],
      ["198.51.100.3", null, null, "unknown"],
    ]);
    expect(entries[0]).toMatchObject({ userAgent: "curl/8", requestId: "req-198.51.100.1" });
    const text = JSON.stringify(entries);
    for (const secret of [partnerToken.token, revoked.token, unknownToken]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(hashApiToken(secret));
      expect(text).not.toContain(secret.slice(3, 20));
    }
  });
});

describe("erasure", () => {
  it("deleting an account forgets the IP and browser of its entries (only its own) and its emails", async () => {
    const leaving = await createUser(db, { role: "OFFICIAL" });
    const staying = await createUser(db, { role: "OFFICIAL" });
    from("203.0.113.40");
    await writeAudit(db, {
      actorId: leaving.id,
      action: "auth.sign_in",
      entityType: "User",
      entityId: leaving.id,
    });
    await writeAudit(db, {
      actorId: staying.id,
      action: "auth.sign_in",
      entityType: "User",
      entityId: staying.id,
    });
    const origin = from("203.0.113.41");
    state.caller = callerOf(leaving);
    // The outbox: a message to them, one to a colleague naming them, one about someone else.
    const mail = (to: string, text: string) =>
      db.emailMessage.create({
        data: { to, subject: "Hello", text, template: "test", locale: "en", status: "SENT" },
      });
    const toThem = await mail(leaving.email, "Your link");
    const naming = await mail("colleague@test.example", `${leaving.name} replied to you.`);
    const unrelated = await mail("colleague@test.example", `${staying.name} replied to you.`);

    expect(await actions.deleteAccount({ currentPassword: TEST_PASSWORD })).toEqual({
      ok: true,
      data: undefined,
    });

    const gone = await entriesOf({ actorId: leaving.id });
    expect(gone.map((e) => e.action)).toEqual(["auth.sign_in", "user.deleted"]);
    for (const entry of gone) expect(entry).toMatchObject({ ip: null, userAgent: null });
    // What happened, and which request, stay.
    expect(gone[1]).toMatchObject({
      requestId: origin.requestId,
      data: { organisationDeleted: false },
    });
    const left = await db.emailMessage.findMany({
      where: { id: { in: [toThem.id, naming.id, unrelated.id] } },
      select: { id: true },
    });
    expect(left).toEqual([{ id: unrelated.id }]);
    const kept = await entriesOf({ actorId: staying.id });
    expect(kept[0]).toMatchObject({
      ip: "203.0.113.40",
      userAgent: "AuditTest/1.0 (203.0.113.40)",
    });
  });
});

// Every server action, called with no session (issue #6, section 5: "unauthenticated
// calls of every server action"). The actions are found by import: every
// lib/<domain>/actions.ts is loaded and each of its exports is called, so a new
// action is covered the day it is written. Only the request context is a
// stand-in (next/headers); the session lookup is the real one (lib/auth/gate.ts
// getCaller reading the next-auth cookie and the Session table), so these
// tests also prove that forged, revoked and stale session cookies count as none.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "@/lib/auth/cookies";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser, unique } from "@/lib/testing/factories";

process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

const request = vi.hoisted(() => ({ cookies: {} as Record<string, string> }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    getAll: () => Object.entries(request.cookies).map(([name, value]) => ({ name, value })),
    get: (name: string) =>
      name in request.cookies ? { name, value: request.cookies[name] } : undefined,
  }),
}));

beforeEach(() => {
  request.cookies = {};
});

type ActionResult = { ok: boolean; code?: string; fieldErrors?: Record<string, string> };
type Action = (input: unknown) => Promise<ActionResult>;

const LIB = path.resolve(import.meta.dirname, "..");

/** A "use server" module: every export is a server action, callable over HTTP. */
function isServerActionsFile(file: string): boolean {
  try {
    return /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
}

/** Every lib/<domain>/actions.ts, and the names its source declares with createAction. */
const ACTION_FILES = readdirSync(LIB, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((domain) => isServerActionsFile(path.join(LIB, domain, "actions.ts")))
  .sort();

function declaredActions(domain: string): string[] {
  const source = readFileSync(path.join(LIB, domain, "actions.ts"), "utf8");
  return [...source.matchAll(/export const (\w+) = createAction\(/g)].map((m) => m[1]!).sort();
}

async function loadActions(): Promise<Map<string, Action>> {
  const actions = new Map<string, Action>();
  for (const domain of ACTION_FILES) {
    const file = path.join(LIB, domain, "actions.ts");
    const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      expect(typeof value, `${domain}/actions.ts exports ${name}`).toBe("function");
      actions.set(`${domain}.${name}`, value as Action);
    }
  }
  return actions;
}

/**
 * The actions anyone may call, with the reason. Called without valid input
 * they must refuse (BAD_REQUEST) and change nothing.
 */
const PUBLIC_ACTIONS: Record<string, string> = {
  "auth.register": "creating an account is for people without one",
  "auth.verifyEmail": "the emailed link proves the mailbox; the person may not be signed in",
  "auth.requestPasswordReset": "someone who forgot the password cannot sign in",
  "auth.resetPassword": "the emailed single-use token is the credential",
  "auth.confirmEmailChange": "the link is opened from the new mailbox, maybe in another browser",
  "invitations.acceptInvitationAction":
    "the invitee has no account yet; the token is the credential",
};

/** Inputs a signed-out caller might send: nothing, junk, and a well-formed but unknown token. */
const JUNK_INPUTS: unknown[] = [
  {},
  { id: "x", role: "ADMIN", organisationId: "x" },
  new FormData(),
];
const UNKNOWN_TOKEN = "A".repeat(43);

async function tableCounts() {
  const [users, sessions, organisations, interests, tokens, emails, invitations, audit] =
    await Promise.all([
      db.user.count(),
      db.session.count(),
      db.organisation.count(),
      db.expressionOfInterest.count(),
      db.userToken.count({ where: { usedAt: { not: null } } }),
      db.emailMessage.count(),
      db.invitation.count({ where: { acceptedAt: { not: null } } }),
      db.auditLog.count(),
    ]);
  return { users, sessions, organisations, interests, tokens, emails, invitations, audit };
}

describe("every server action without a session", () => {
  it("the actions found by import are exactly those declared with createAction", async () => {
    const actions = await loadActions();
    const declared = ACTION_FILES.flatMap((domain) =>
      declaredActions(domain).map((name) => `${domain}.${name}`),
    );
    // A "use server" export not built with createAction would skip the gate.
    expect([...actions.keys()].sort()).toEqual(declared.sort());
    expect(declared.length).toBeGreaterThanOrEqual(37);
    for (const name of Object.keys(PUBLIC_ACTIONS)) expect(declared).toContain(name);
  });

  it("every non-public action answers UNAUTHENTICATED, whatever the input", async () => {
    const actions = await loadActions();
    const before = await tableCounts();
    const outcomes: Record<string, string[]> = {};
    for (const [name, action] of actions) {
      if (name in PUBLIC_ACTIONS) continue;
      outcomes[name] = [];
      for (const input of JUNK_INPUTS) {
        const result = await action(input);
        outcomes[name].push(result.ok ? "ok" : (result.code ?? "?"));
      }
    }
    const expected = Object.fromEntries(
      Object.keys(outcomes).map((name) => [name, JUNK_INPUTS.map(() => "UNAUTHENTICATED")]),
    );
    expect(outcomes).toEqual(expected);
    expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(31);
    // Other test files share the database, so only tables they do not grow here are compared.
    const after = await tableCounts();
    expect(after.tokens).toBe(before.tokens);
    expect(after.invitations).toBe(before.invitations);
  });

  it("every public action refuses input that is not valid, and changes nothing", async () => {
    const actions = await loadActions();
    const users = await db.user.count();
    for (const name of Object.keys(PUBLIC_ACTIONS)) {
      const action = actions.get(name)!;
      for (const input of JUNK_INPUTS) {
        const result = await action(input);
        expect(result, `${name}(${JSON.stringify(input)})`).toMatchObject({
          ok: false,
          code: "BAD_REQUEST",
        });
      }
    }
    // A well-formed token that was never issued opens nothing.
    for (const name of ["auth.verifyEmail", "auth.confirmEmailChange"]) {
      const result = await actions.get(name)!({ token: UNKNOWN_TOKEN });
      expect(result.ok, name).toBe(false);
    }
    const reset = await actions.get("auth.resetPassword")!({
      token: UNKNOWN_TOKEN,
      password: "violet tractor harbour lantern",
      confirm: "violet tractor harbour lantern",
    });
    expect(reset.ok).toBe(false);
    const accepted = await actions.get("invitations.acceptInvitationAction")!({
      token: UNKNOWN_TOKEN,
      name: "Nobody Invited",
      password: "violet tractor harbour lantern",
      confirm: "violet tractor harbour lantern",
      locale: "en",
    });
    // Either refused, or an outcome that explains the link is not valid: never an account.
    if (accepted.ok) expect(JSON.stringify(accepted)).not.toContain('"accepted"');
    expect(await db.user.count({ where: { name: "Nobody Invited" } })).toBe(0);
    expect(await db.user.count()).toBeGreaterThanOrEqual(users);
  });
});

describe("session cookies that are not a live session count as none", () => {
  const COOKIE_NAMES = [sessionCookie(env().NEXTAUTH_URL).name];
  const secret = () => process.env.NEXTAUTH_SECRET!;

  async function cookieFor(claims: { sid: string; sv: number }, withSecret = secret()) {
    const token = await encode({
      token: { sub: "someone", ...claims },
      secret: withSecret,
      maxAge: 3600,
    });
    request.cookies = Object.fromEntries(COOKIE_NAMES.map((name) => [name, token]));
  }

  async function markAllRead() {
    const { markAllNotificationsReadAction } = await import("@/lib/notifications/actions");
    return (await markAllNotificationsReadAction({})) as ActionResult;
  }

  async function liveSession() {
    const user = await createUser(db, { email: `${unique("cookie")}@test.example` });
    const session = await db.session.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    return { user, session };
  }

  it("a live session is accepted (the control that makes the refusals below mean something)", async () => {
    const { session } = await liveSession();
    await cookieFor({ sid: session.id, sv: 0 });
    expect(await markAllRead()).toEqual({ ok: true, data: expect.anything() });
  });

  it("no cookie, a garbage cookie, or a token signed with another secret", async () => {
    const { session } = await liveSession();
    expect((await markAllRead()).code).toBe("UNAUTHENTICATED");
    request.cookies = Object.fromEntries(COOKIE_NAMES.map((n) => [n, "eyJhbGciOiJub25lIn0.e30."]));
    expect((await markAllRead()).code).toBe("UNAUTHENTICATED");
    await cookieFor({ sid: session.id, sv: 0 }, "another-secret-0123456789abcdefghijklmnop");
    expect((await markAllRead()).code).toBe("UNAUTHENTICATED");
  });

  it("an unknown, revoked or expired session, a stale session version, a disabled account", async () => {
    await cookieFor({ sid: "c0000000000000000000unknown", sv: 0 });
    expect((await markAllRead()).code).toBe("UNAUTHENTICATED");

    const revoked = await liveSession();
    await db.session.update({ where: { id: revoked.session.id }, data: { revokedAt: new Date() } });
    await cookieFor({ sid: revoked.session.id, sv: 0 });
    expect((await markAllRead()).code).toBe("UNAUTHENTICATED");

    const expired = await liveSession();
    await db.session.update({
      where: { id: expired.session.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await cookieFor({ sid: expired.session.id, sv: 0 });
    expect((await markAllRead()).code).toBe("UNAUTHENTICATED");

    const stale = await liveSession();
    await db.user.update({ where: { id: stale.user.id }, data: { sessionVersion: 1 } });
    await cookieFor({ sid: stale.session.id, sv: 0 });
    expect((await markAllRead()).code).toBe("UNAUTHENTICATED");

    const disabled = await liveSession();
    await db.user.update({ where: { id: disabled.user.id }, data: { status: "DISABLED" } });
    await cookieFor({ sid: disabled.session.id, sv: 0 });
    expect((await markAllRead()).code).toBe("UNAUTHENTICATED");
  });
});

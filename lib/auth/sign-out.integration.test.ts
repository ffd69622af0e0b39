// Signing out from the header's menu (lib/auth/actions.ts signOut): a form
// that posts to a server action. The caller is real (a Session row and a
// next-auth cookie read by getCaller); only the request context (next/headers,
// the redirect, next-intl's locale) is a stand-in.
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "@/lib/auth/cookies";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser, unique } from "@/lib/testing/factories";

process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

const request = vi.hoisted(() => ({
  cookies: {} as Record<string, string>,
  headers: new Headers(),
  set: [] as Array<{ name: string; value: string; options: Record<string, unknown> }>,
  locale: "en",
}));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    getAll: () => Object.entries(request.cookies).map(([name, value]) => ({ name, value })),
    get: (name: string) =>
      name in request.cookies ? { name, value: request.cookies[name] } : undefined,
    set: (name: string, value: string, options: Record<string, unknown>) => {
      request.set.push({ name, value, options });
    },
  }),
}));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  // Next's redirect() throws an error with a digest, which createAction lets through.
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;push;${url};307;` });
  },
}));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getLocale: async () => request.locale,
}));

const { signOut } = await import("./actions");
const { createSession, loadSession } = await import("./sessions");

const COOKIE = sessionCookie(env().NEXTAUTH_URL).name;

beforeEach(() => {
  request.cookies = {};
  request.set = [];
  request.locale = "en";
  request.headers = new Headers();
});

async function signedIn(user: { id: string; sessionVersion: number }) {
  const sid = await createSession(user.id, null);
  request.cookies[COOKIE] = await encode({
    token: { sub: user.id, sid, sv: user.sessionVersion },
    secret: env().NEXTAUTH_SECRET,
  });
  return sid;
}

describe("signing out from the header's menu", () => {
  it("ends this browser's session, records it, clears the cookie and goes to the sign-in page", async () => {
    const user = await createUser(db, { role: "OFFICIAL" });
    const other = await createSession(user.id, null); // another browser
    const sid = await signedIn(user);
    const cookie = request.cookies[COOKIE]!;
    const requestId = `req-${unique("signout")}`;
    request.headers = new Headers({ "user-agent": "SignOutTest/1.0", "x-request-id": requestId });
    request.locale = "zh";

    await expect(signOut({})).rejects.toMatchObject({
      digest: expect.stringContaining(";/zh/login?notice=signedOut;"),
    });

    expect(await loadSession(sid, user.sessionVersion)).toBeNull();
    expect(await loadSession(other, user.sessionVersion)).not.toBeNull();
    const entries = await db.auditLog.findMany({ where: { actorId: user.id } });
    expect(entries.map((e) => [e.action, e.entityId, e.requestId, e.userAgent])).toEqual([
      ["auth.sign_out", user.id, requestId, "SignOutTest/1.0"],
    ]);
    expect(request.set).toEqual([
      {
        name: COOKIE,
        value: "",
        options: expect.objectContaining({ maxAge: 0, httpOnly: true, path: "/", sameSite: "lax" }),
      },
    ]);

    // The same cookie again (a copy kept somewhere): no session, refused, nothing recorded.
    request.cookies[COOKIE] = cookie;
    request.set = [];
    expect(await signOut({})).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(request.set).toEqual([]);
    expect(await db.auditLog.count({ where: { actorId: user.id } })).toBe(1);
  });

  it("also clears the parts of a token next-auth split into several cookies", async () => {
    const user = await createUser(db);
    const sid = await signedIn(user);
    const token = request.cookies[COOKIE]!;
    request.cookies = {
      [`${COOKIE}.0`]: token.slice(0, 100),
      [`${COOKIE}.1`]: token.slice(100),
      NEXT_LOCALE: "en",
    };
    await expect(signOut(new FormData())).rejects.toMatchObject({
      digest: expect.stringContaining(";/en/login?notice=signedOut;"),
    });
    expect(await loadSession(sid, user.sessionVersion)).toBeNull();
    expect(request.set.map((c) => c.name).sort()).toEqual([`${COOKIE}.0`, `${COOKIE}.1`]);
  });

  it("refuses extra fields, without signing out", async () => {
    const user = await createUser(db);
    const sid = await signedIn(user);
    expect(await signOut({ userId: "someone-else" } as never)).toMatchObject({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { _form: "unknownFields" },
    });
    expect(await loadSession(sid, user.sessionVersion)).not.toBeNull();
    expect(request.set).toEqual([]);
  });
});

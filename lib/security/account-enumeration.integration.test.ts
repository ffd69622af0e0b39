// Identical answers for known and unknown email addresses (issue #6, section 5):
// sign-in, password reset, registration with an existing address and an
// email change to an address that is taken answer the same, and take about
// as long; only the mailbox's owner learns more (by email). The pages show
// what these answers say: e2e/security-accounts.spec.ts checks them over HTTP.
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "@/lib/auth/cookies";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";

process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";

const request = vi.hoisted(() => ({ cookies: {} as Record<string, string> }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    getAll: () => Object.entries(request.cookies).map(([name, value]) => ({ name, value })),
  }),
}));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getLocale: async () => "en",
}));
vi.mock("@/lib/jobs/boss", () => ({
  // Account jobs (lib/auth/account-jobs.ts) run at once, as the worker would.
  sendJob: async (name: string, data: unknown) => {
    await (await import("@/lib/auth/account-jobs")).runAccountJob(name, data);
    return "job-id";
  },
}));

const { register, requestEmailChange, requestPasswordReset } = await import("@/lib/auth/actions");
const { checkCredentials } = await import("@/lib/auth/options");

beforeEach(() => {
  request.cookies = {};
});

const newEmail = (label: string) => `${unique(label)}@test.example`;
const outboxOf = (to: string) =>
  db.emailMessage.findMany({ where: { to }, select: { template: true } });

/**
 * Median wall times of two paths over `n` calls each, after a warm-up call of
 * each, taken in turns (a, b, a, b…) so that other work on the machine slows
 * both alike.
 */
async function medianMs(
  n: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
): Promise<[number, number]> {
  await a(-1);
  await b(-1);
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < n; i++) {
    for (const [k, run] of [a, b].entries()) {
      const start = performance.now();
      await run(i);
      times[k]!.push(performance.now() - start);
    }
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(n / 2)]!;
  return [median(times[0]), median(times[1])];
}

/** Both paths do the same expensive work: their medians are within a factor of two. */
function expectSameShape(a: number, b: number, what: string) {
  const ratio = Math.max(a, b) / Math.min(a, b);
  expect(ratio, `${what}: ${a.toFixed(1)} ms against ${b.toFixed(1)} ms`).toBeLessThan(2);
}

describe("sign-in", () => {
  it("a wrong password and an unknown address fail alike, in about the same time", async () => {
    const user = await createUser(db, { email: newEmail("known") });
    expect(await checkCredentials(user.email, "not the password")).toBeNull();
    expect(await checkCredentials(newEmail("unknown"), "not the password")).toBeNull();
    // Disabled accounts too: no hint that the address exists.
    const disabled = await createUser(db, { email: newEmail("disabled") });
    await db.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    expect(await checkCredentials(disabled.email, TEST_PASSWORD)).toBeNull();

    const [known, unknown] = await medianMs(
      7,
      () => checkCredentials(user.email, "not the password"),
      () => checkCredentials(newEmail("nobody"), "wrong"),
    );
    // The unknown address is checked against a dummy hash: the argon2 work dominates both.
    expectSameShape(known, unknown, "sign-in");
    expect(unknown).toBeGreaterThan(5);
  });
});

describe("password reset", () => {
  it("answers the same for known, unknown and disabled addresses; only the owner gets an email", async () => {
    const known = await createUser(db, { email: newEmail("reset-known") });
    const disabled = await createUser(db, { email: newEmail("reset-disabled") });
    await db.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    const unknown = newEmail("reset-unknown");

    const answers = [
      await requestPasswordReset({ email: known.email }),
      await requestPasswordReset({ email: unknown }),
      await requestPasswordReset({ email: disabled.email }),
    ];
    expect(answers).toEqual([
      { ok: true, data: undefined },
      { ok: true, data: undefined },
      { ok: true, data: undefined },
    ]);
    expect(await outboxOf(known.email)).toEqual([{ template: "reset-password" }]);
    expect(await outboxOf(unknown)).toEqual([]);
    expect(await outboxOf(disabled.email)).toEqual([]);
  });

  it("takes about as long either way: a few small queries on both paths, no hashing on either", async () => {
    const knownUsers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createUser(db, { email: newEmail(`reset-t${i}`) })),
    );
    const [known, unknown] = await medianMs(
      7,
      (i) => requestPasswordReset({ email: knownUsers[i + 1]!.email }),
      () => requestPasswordReset({ email: newEmail("nobody") }),
    );
    // The same order of magnitude. The known path still writes a token and an outbox row more
    // (docs/security.md, Findings: a few milliseconds an attacker could average out).
    const ratio = Math.max(known, unknown) / Math.min(known, unknown);
    expect(ratio, `${known.toFixed(1)} ms against ${unknown.toFixed(1)} ms`).toBeLessThan(3);
  });
});

describe("registration", () => {
  const password = "violet tractor harbour lantern";

  it("with an existing address answers as for a new one; the owner is told by email", async () => {
    const existing = await createUser(db, { email: newEmail("reg-existing") });
    const fresh = newEmail("reg-new");
    const forExisting = await register({ name: "Someone Else", email: existing.email, password });
    const forNew = await register({ name: "Someone New", email: fresh, password });
    expect(forExisting).toEqual({ ok: true, data: { email: existing.email } });
    expect(forNew).toEqual({ ok: true, data: { email: fresh } });
    // Same shape: the answer names only the address the visitor typed.
    expect(Object.keys(forExisting)).toEqual(Object.keys(forNew));
    expect(await outboxOf(existing.email)).toEqual([{ template: "account-exists" }]);
    expect(await outboxOf(fresh)).toEqual([{ template: "verify-email" }]);
    // The existing account is untouched: same name, same password.
    const after = await db.user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after.name).toBe(existing.name);
    expect(after.passwordHash).toBe(existing.passwordHash);
  });

  it("takes about as long for an existing address (the password is hashed either way)", async () => {
    const existing = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createUser(db, { email: newEmail(`reg-t${i}`) })),
    );
    const [known, fresh] = await medianMs(
      7,
      (i) => register({ name: "Timing Test", email: existing[i + 1]!.email, password }),
      () => register({ name: "Timing Test", email: newEmail("reg-fresh"), password }),
    );
    expectSameShape(known, fresh, "registration");
  });
});

describe("email change", () => {
  it("to an address another account uses answers as for a free one", async () => {
    const me = await createUser(db, { email: newEmail("changer") });
    const other = await createUser(db, { email: newEmail("taken") });
    const session = await db.session.create({
      data: { userId: me.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const token = await encode({
      token: { sub: me.id, sid: session.id, sv: 0 },
      secret: process.env.NEXTAUTH_SECRET!,
    });
    request.cookies = { [sessionCookie(env().NEXTAUTH_URL).name]: token };

    const free = newEmail("free");
    const toTaken = await requestEmailChange({
      currentPassword: TEST_PASSWORD,
      email: other.email,
    });
    const toFree = await requestEmailChange({ currentPassword: TEST_PASSWORD, email: free });
    expect(toTaken).toEqual({ ok: true, data: { email: other.email } });
    expect(toFree).toEqual({ ok: true, data: { email: free } });
    // Both new addresses get the confirmation link; whether it is taken shows only when it is used.
    expect(await outboxOf(other.email)).toEqual([{ template: "change-email" }]);
    expect(await outboxOf(free)).toEqual([{ template: "change-email" }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).email).toBe(me.email);
  });
});

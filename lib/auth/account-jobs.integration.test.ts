// Password reset and registration do the same work in the request whether
// or not the address has an account (issue #6): the same SQL statements,
// counted at the driver, and one job with the same kind of payload. The job
// then does the account's work: a token and an email for a known account,
// nothing but the throttled audit entry for an unknown one.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createUser, unique } from "@/lib/testing/factories";
import { createCountingClient, type QueryCounter } from "@/lib/testing/query-count";

const state = vi.hoisted(() => {
  // The client's address is believed only from the trusted proxy's header.
  process.env.TRUSTED_IP_HEADER = "x-real-ip";
  return {
    headers: new Headers(),
    jobs: [] as Array<{ name: string; data: Record<string, unknown> }>,
  };
});
vi.mock("next/headers", () => ({
  headers: async () => state.headers,
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("next-intl/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-intl/server")>()),
  getLocale: async () => "zh",
}));
vi.mock("@/lib/jobs/boss", () => ({
  sendJob: async (name: string, data: Record<string, unknown>) => {
    state.jobs.push({ name, data });
    return "job-id";
  },
}));

const { register, requestPasswordReset } = await import("./actions");
const { handlePasswordReset, handleRegistration } = await import("./account-jobs");

let counter: QueryCounter;
let uninstall: () => void;

beforeAll(() => {
  counter = createCountingClient(process.env.DATABASE_URL!);
  uninstall = counter.install();
});
afterAll(async () => {
  uninstall();
  await counter.end();
});

/** A request from its own address (the rate limits are per address and per email). */
function from(ip: string) {
  const requestId = `req-${unique("id")}`;
  state.headers = new Headers({
    "x-real-ip": ip,
    "user-agent": "JobTest/1.0",
    "x-request-id": requestId,
  });
  return { ip, userAgent: "JobTest/1.0", requestId };
}

beforeEach(() => {
  state.jobs = [];
});

/** The statements with the values that differ by nature (keys, addresses, times) left out. */
async function requestPath(run: () => Promise<unknown>) {
  const { result, statements } = await counter.count(run);
  return { result, statements };
}

/** The shape of a job's payload: its keys, and its values' types. */
const shapeOf = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v]));

const outboxOf = (to: string) =>
  db.emailMessage.findMany({ where: { to }, select: { template: true, locale: true, text: true } });

describe("password reset: the request", () => {
  it("sends the same statements and queues the same job for a known and an unknown address", async () => {
    const known = await createUser(db, { email: `${unique("reset-known")}@test.example` });
    const unknown = `${unique("reset-unknown")}@test.example`;

    from("198.51.100.11");
    const a = await requestPath(() => requestPasswordReset({ email: known.email }));
    from("198.51.100.12");
    const b = await requestPath(() => requestPasswordReset({ email: unknown }));

    expect(a.result).toEqual({ ok: true, data: undefined });
    expect(b.result).toEqual({ ok: true, data: undefined });
    expect(a.statements.length).toBeGreaterThan(0); // the rate limits
    expect(a.statements).toEqual(b.statements);
    expect(state.jobs.map((j) => j.name)).toEqual(["auth.password-reset", "auth.password-reset"]);
    expect(shapeOf(state.jobs[0]!.data)).toEqual(shapeOf(state.jobs[1]!.data));
    expect(state.jobs[1]!.data).toMatchObject({ email: unknown, locale: "zh" });
    // Nothing of the account's work happened in the request.
    expect(await db.userToken.count({ where: { userId: known.id } })).toBe(0);
    expect(await outboxOf(known.email)).toEqual([]);
  });
});

describe("password reset: the job", () => {
  it("gives a known active account a reset token and an email, and records it with the request's origin", async () => {
    const known = await createUser(db, { email: `${unique("job-known")}@test.example` });
    const origin = from("198.51.100.21");
    await requestPasswordReset({ email: known.email });
    const [job] = state.jobs;

    expect(await handlePasswordReset(job!.data as never)).toEqual({ account: "active" });
    const tokens = await db.userToken.findMany({ where: { userId: known.id } });
    expect(tokens.map((t) => t.purpose)).toEqual(["RESET_PASSWORD"]);
    const mail = await outboxOf(known.email);
    expect(mail.map((m) => [m.template, m.locale])).toEqual([["reset-password", "zh"]]);
    expect(mail[0]!.text).toContain("/zh/reset-password?token=");
    expect(
      await db.auditLog.findMany({
        where: { actorId: known.id, action: "auth.password_reset_requested" },
        select: { ip: true, requestId: true, userAgent: true },
      }),
    ).toEqual([origin]);
  });

  it("does nothing for an unknown or a disabled address but the audit entry", async () => {
    const disabled = await createUser(db, { email: `${unique("job-disabled")}@test.example` });
    await db.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    const unknown = `${unique("job-unknown")}@test.example`;
    const origin = from("198.51.100.22");
    await requestPasswordReset({ email: unknown });
    await requestPasswordReset({ email: disabled.email });
    const tokensBefore = await db.userToken.count();
    const mailBefore = await db.emailMessage.count();

    expect(await handlePasswordReset(state.jobs[0]!.data as never)).toEqual({ account: "unknown" });
    expect(await handlePasswordReset(state.jobs[1]!.data as never)).toEqual({
      account: "inactive",
    });
    expect(await db.userToken.count()).toBe(tokensBefore);
    expect(await db.emailMessage.count()).toBe(mailBefore);
    const entries = await db.auditLog.findMany({
      where: { action: "auth.password_reset_requested", ip: origin.ip },
      orderBy: { id: "asc" },
      select: { actorId: true, data: true, requestId: true },
    });
    expect(entries.map((e) => [e.actorId, e.data])).toEqual([
      [null, { account: "unknown" }],
      [disabled.id, { account: "inactive" }],
    ]);
    // No address in the entries.
    expect(JSON.stringify(entries)).not.toContain(unknown);
  });
});

describe("registration", () => {
  const password = "violet tractor harbour lantern";

  it("sends the same statements and queues the same job for a new and a known address", async () => {
    const known = await createUser(db, { email: `${unique("reg-known")}@test.example` });
    const fresh = `${unique("reg-new")}@test.example`;

    from("198.51.100.31");
    const a = await requestPath(() =>
      register({ name: "Ada Known", email: known.email, password }),
    );
    from("198.51.100.32");
    const b = await requestPath(() => register({ name: "Ada New", email: fresh, password }));

    expect(a.result).toEqual({ ok: true, data: { email: known.email } });
    expect(b.result).toEqual({ ok: true, data: { email: fresh } });
    expect(a.statements).toEqual(b.statements);
    expect(state.jobs.map((j) => j.name)).toEqual(["auth.register", "auth.register"]);
    expect(shapeOf(state.jobs[0]!.data)).toEqual(shapeOf(state.jobs[1]!.data));
    // The password travels hashed, never in clear.
    expect(JSON.stringify(state.jobs)).not.toContain(password);
    expect(state.jobs[1]!.data.passwordHash).toMatch(/^\$argon2/);
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
  });

  it("the job makes a new account with its token and verification email; a known one gets a note", async () => {
    const known = await createUser(db, { email: `${unique("regjob-known")}@test.example` });
    const fresh = `${unique("regjob-new")}@test.example`;
    const origin = from("198.51.100.33");
    await register({ name: "Ada Known", email: known.email, password });
    await register({ name: "Ada New", email: fresh, password });
    const users = await db.user.count();

    expect(await handleRegistration(state.jobs[0]!.data as never)).toEqual({ account: "exists" });
    expect(await db.user.count()).toBe(users);
    expect((await outboxOf(known.email)).map((m) => m.template)).toEqual(["account-exists"]);

    expect(await handleRegistration(state.jobs[1]!.data as never)).toEqual({ account: "created" });
    const created = await db.user.findUniqueOrThrow({ where: { email: fresh } });
    expect(created).toMatchObject({
      name: "Ada New",
      role: "PARTNER",
      status: "ACTIVE",
      locale: "zh",
      emailVerifiedAt: null,
    });
    const tokens = await db.userToken.findMany({ where: { userId: created.id } });
    expect(tokens.map((t) => t.purpose)).toEqual(["VERIFY_EMAIL"]);
    const mail = await outboxOf(fresh);
    expect(mail.map((m) => m.template)).toEqual(["verify-email"]);
    expect(mail[0]!.text).toContain("/zh/verify?token=");
    expect(
      await db.auditLog.findFirst({
        where: { actorId: created.id, action: "user.register" },
        select: { ip: true, requestId: true, userAgent: true },
      }),
    ).toEqual(origin);

    // A second job for the same address (a double submit) is told it exists.
    expect(await handleRegistration(state.jobs[1]!.data as never)).toEqual({ account: "exists" });
    expect((await outboxOf(fresh)).map((m) => m.template).sort()).toEqual([
      "account-exists",
      "verify-email",
    ]);
  });
});

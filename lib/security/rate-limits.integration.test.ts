// Rate limits against a client that rotates spoofed X-Forwarded-For and
// X-Real-IP headers on every request (issue #6, section 5). The client's IP
// is read only from the header the trusted proxy sets (TRUSTED_IP_HEADER,
// lib/http/client-ip.ts); here that is x-real-ip, as behind the nginx of the
// deployment guide, which overwrites it with the address it saw. So the
// per-IP limits count the proxy's value whatever the client adds, and the
// per-account limits count the account whatever the IP. Sign-in goes through
// next-auth's route handler and is tested over HTTP (e2e/security-accounts.spec.ts).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api/tokens";
import { db } from "@/lib/db";
import { createUser, unique } from "@/lib/testing/factories";

vi.hoisted(() => {
  process.env.TRUSTED_IP_HEADER = "x-real-ip";
});

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ getAll: () => [] }),
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

const { register, requestPasswordReset } = await import("@/lib/auth/actions");
const { API_OFFICIALS, API_RATE_LIMIT, createApiRoute } = await import("@/lib/api/auth");
const { RATE_LIMITS } = await import("@/lib/rate-limit");

let counter = 0;
/** A different made-up address on every call, as a spoofing client would send. */
function spoofed() {
  counter += 1;
  return `203.0.${Math.floor(counter / 250) % 250}.${(counter % 250) + 1}`;
}

/** The request as the proxy passes it on: the client's own headers plus the proxy's x-real-ip. */
function fromClient(proxyIp: string | null) {
  const headers = new Headers({
    "x-forwarded-for": `${spoofed()}, ${spoofed()}`,
    forwarded: `for=${spoofed()}`,
    "true-client-ip": spoofed(),
    "cf-connecting-ip": spoofed(),
  });
  headers.set("x-real-ip", proxyIp ?? spoofed());
  return headers;
}

beforeEach(() => {
  request.headers = new Headers();
});

async function attempts(n: number, call: (i: number) => Promise<{ ok: boolean; code?: string }>) {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const result = await call(i);
    codes.push(result.ok ? "ok" : (result.code ?? "?"));
  }
  return codes;
}

const times = (n: number, value: string) => Array.from({ length: n }, () => value);

describe("which address counts", () => {
  async function clientIpUnder(trusted: string | undefined) {
    const saved = process.env.TRUSTED_IP_HEADER;
    if (trusted === undefined) delete process.env.TRUSTED_IP_HEADER;
    else process.env.TRUSTED_IP_HEADER = trusted;
    vi.resetModules();
    const { clientIp } = await import("@/lib/http/client-ip");
    clientIp(new Headers()); // reads (and caches) the environment now
    process.env.TRUSTED_IP_HEADER = saved;
    return clientIp;
  }

  it("without TRUSTED_IP_HEADER no header is believed", async () => {
    const clientIp = await clientIpUnder(undefined);
    for (const name of ["x-forwarded-for", "x-real-ip", "forwarded", "true-client-ip"])
      expect(clientIp(new Headers({ [name]: "198.51.100.7" })), name).toBeNull();
  });

  it("with x-real-ip only that header, never X-Forwarded-For", async () => {
    const clientIp = await clientIpUnder("x-real-ip");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBeNull();
    expect(
      clientIp(new Headers({ "x-forwarded-for": "198.51.100.7", "x-real-ip": "192.0.2.1" })),
    ).toBe("192.0.2.1");
    // Not an address (a header injection attempt): ignored rather than used as a key.
    expect(clientIp(new Headers({ "x-real-ip": "evil; DROP TABLE" }))).toBeNull();
  });

  it("with x-forwarded-for, only the entry the proxy appended (the last)", async () => {
    const clientIp = await clientIpUnder("x-forwarded-for");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 2.2.2.2, 192.0.2.9" }))).toBe(
      "192.0.2.9",
    );
  });
});

describe("password reset requests", () => {
  it("per account: the same address from ever-changing IPs is limited", async () => {
    const user = await createUser(db, { email: `${unique("reset-acct")}@test.example` });
    const limit = RATE_LIMITS.passwordResetPerAccount.limit;
    const codes = await attempts(limit + 2, () => {
      request.headers = fromClient(null); // even the proxy's address changes
      return requestPasswordReset({ email: user.email });
    });
    expect(codes).toEqual([...times(limit, "ok"), "RATE_LIMITED", "RATE_LIMITED"]);
    expect(
      await db.userToken.count({ where: { userId: user.id, purpose: "RESET_PASSWORD" } }),
    ).toBe(limit);
  });

  it("per IP: new addresses each time, spoofed forwarding headers, one real client", async () => {
    const proxyIp = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const limit = RATE_LIMITS.passwordResetPerIp.limit;
    const codes = await attempts(limit + 2, () => {
      request.headers = fromClient(proxyIp);
      return requestPasswordReset({ email: `${unique("nobody")}@test.example` });
    });
    expect(codes).toEqual([...times(limit, "ok"), "RATE_LIMITED", "RATE_LIMITED"]);
    // Another client behind the same proxy is not affected.
    request.headers = fromClient("198.51.100.200");
    expect(await requestPasswordReset({ email: `${unique("other")}@test.example` })).toEqual({
      ok: true,
      data: undefined,
    });
  });
});

describe("registration", () => {
  const password = "violet tractor harbour lantern";

  it("per IP: fresh addresses with spoofed forwarding headers are limited", async () => {
    const proxyIp = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const limit = RATE_LIMITS.registerPerIp.limit;
    const codes = await attempts(limit + 1, () => {
      request.headers = fromClient(proxyIp);
      return register({ name: "Spam Bot", email: `${unique("bot")}@test.example`, password });
    });
    expect(codes).toEqual([...times(limit, "ok"), "RATE_LIMITED"]);
  });

  it("per address: the same email from ever-changing IPs is limited", async () => {
    const email = `${unique("reg-acct")}@test.example`;
    const limit = RATE_LIMITS.passwordResetPerAccount.limit; // the rule register uses per address
    const codes = await attempts(limit + 1, () => {
      request.headers = fromClient(null);
      return register({ name: "Same Person", email, password });
    });
    expect(codes).toEqual([...times(limit, "ok"), "RATE_LIMITED"]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("API tokens", () => {
  it("a token is limited per token, whatever addresses its requests claim", async () => {
    const official = await createUser(db, { role: "OFFICIAL" });
    const { token } = await createApiToken(db, {
      userId: official.id,
      name: unique("rl"),
      actorId: official.id,
    });
    const route = createApiRoute(API_OFFICIALS, async () => Response.json({ ok: true }));
    const call = () => {
      const headers = fromClient(null);
      headers.set("authorization", `Bearer ${token}`);
      return route(new Request("http://localhost/api/v1/test", { headers }), {
        params: Promise.resolve({}),
      });
    };
    const statuses: number[] = [];
    // In batches, so the whole limit fits well inside its one-minute window.
    for (let sent = 0; sent < API_RATE_LIMIT.limit; sent += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, call));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call()).status).toBe(429);
  });
});

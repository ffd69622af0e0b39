import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
process.env.NEXTAUTH_SECRET ??= "unit-tests-only-secret-0123456789abcdef";

const created: unknown[] = [];
const fakeClient = {
  auditLog: {
    create: async (args: { data: unknown }) => {
      created.push(args.data);
      return args.data;
    },
  },
};

async function load(trustedHeader?: string) {
  vi.resetModules();
  if (trustedHeader) process.env.TRUSTED_IP_HEADER = trustedHeader;
  else delete process.env.TRUSTED_IP_HEADER;
  return import("./write");
}

beforeEach(() => {
  created.length = 0;
});
afterEach(() => {
  delete process.env.TRUSTED_IP_HEADER;
});

describe("originOf", () => {
  it("reads the IP only from the trusted proxy's header", async () => {
    const headers = new Headers({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    expect((await load()).originOf(headers).ip).toBeNull();
    expect((await load("x-real-ip")).originOf(headers).ip).toBe("203.0.113.7");
  });

  it("keeps at most 256 characters of the User-Agent, without control characters", async () => {
    const { originOf, USER_AGENT_MAX_LENGTH } = await load();
    const long = `Mozilla/5.0 ${"x".repeat(400)}`;
    expect(USER_AGENT_MAX_LENGTH).toBe(256);
    expect(originOf(new Headers({ "user-agent": long })).userAgent).toHaveLength(256);
    expect(originOf(new Headers({ "user-agent": "a\u0007b" })).userAgent).toBe("a b");
    expect(originOf(new Headers()).userAgent).toBeNull();
  });

  it("takes a well-formed x-request-id and nothing else", async () => {
    const { originOf } = await load();
    const id = "0b6f3c1e-2a1d-4d7e-9c4b-1f2e3d4c5b6a";
    expect(originOf(new Headers({ "x-request-id": id })).requestId).toBe(id);
    expect(originOf(new Headers({ "x-request-id": "bad id; DROP" })).requestId).toBeNull();
    expect(originOf(new Headers({ "x-request-id": "x".repeat(129) })).requestId).toBeNull();
    expect(originOf(new Headers()).requestId).toBeNull();
  });
});

describe("writeAudit", () => {
  it("writes who, what and where, and drops secrets and personal data from data", async () => {
    const { writeAudit } = await load("x-real-ip");
    await writeAudit(
      fakeClient,
      {
        actorId: "u1",
        action: "test.write",
        entityType: "User",
        entityId: "u1",
        data: {
          reason: "ok",
          password: "hunter2 hunter2",
          nested: { token: "bh_secret", tokenHash: "abc", email: "a@b.example", keep: 1 },
          list: [{ sessionId: "s1", n: 2 }],
        },
      },
      { ip: "203.0.113.7", userAgent: "UA", requestId: "req-1" },
    );
    expect(created).toEqual([
      {
        actorId: "u1",
        action: "test.write",
        entityType: "User",
        entityId: "u1",
        data: { reason: "ok", nested: { keep: 1 }, list: [{ n: 2 }] },
        ip: "203.0.113.7",
        userAgent: "UA",
        requestId: "req-1",
      },
    ]);
  });

  it("outside a request, the origin is unknown rather than an error", async () => {
    const { writeAudit } = await load();
    await writeAudit(fakeClient, { actorId: null, action: "test.job", entityType: "ImportRun" });
    expect(created[0]).toMatchObject({ actorId: null, ip: null, userAgent: null, requestId: null });
  });
});

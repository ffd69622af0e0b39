// createRoute, the last-resort error handler of every route handler: the
// Origin rule, the mapping of errors to JSON (never a message, stack or SQL),
// the request id in the answer and in the logs, and Cache-Control.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { AppError } from "@/lib/errors/app-error";

const state = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => state.caller,
}));
const lines = vi.hoisted(() => [] as Array<Record<string, unknown>>);
vi.mock("@/lib/server/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/logger")>();
  const logger = original.createLogger({ write: (line: string) => lines.push(JSON.parse(line)) });
  logger.level = "info";
  return { ...original, logger };
});

const { createRoute } = await import("./route");

const CALLER: Caller = {
  userId: "u1",
  sessionId: "s1",
  role: "PARTNER",
  organisationId: "o1",
  email: "a@b.example",
  name: "A",
  locale: "en",
};
const REQUEST_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

function request(method: string, headers: Record<string, string> = {}) {
  return new Request("http://127.0.0.1:3100/api/thing", {
    method,
    headers: { host: "127.0.0.1:3100", "x-request-id": REQUEST_ID, ...headers },
  });
}
const noParams = { params: Promise.resolve({}) };

beforeEach(() => {
  state.caller = CALLER;
  lines.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe("createRoute: the Origin of state-changing requests", () => {
  it("refuses a POST from another site with 403 FORBIDDEN, before the handler runs", async () => {
    const handler = vi.fn(async () => Response.json({ changed: true }));
    const route = createRoute({}, handler);
    const foreign: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of foreign) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await route(request(method, headers), noParams);
        expect(response.status).toBe(403);
        expect(await response.json()).toEqual({
          error: { code: "FORBIDDEN", requestId: REQUEST_ID },
        });
      }
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets the app's own POST through, and GETs from anywhere", async () => {
    const route = createRoute({}, async () => Response.json({ ok: true }));
    expect(
      (await route(request("POST", { origin: "http://127.0.0.1:3100" }), noParams)).status,
    ).toBe(200);
    expect(
      (await route(request("POST", { "sec-fetch-site": "same-origin" }), noParams)).status,
    ).toBe(200);
    expect((await route(request("GET", { origin: "https://evil.example" }), noParams)).status).toBe(
      200,
    );
  });
});

describe("createRoute: errors", () => {
  it("maps an AppError to its status, with fields and Retry-After", async () => {
    const route = createRoute({}, async () => {
      throw new AppError("RATE_LIMITED", "slow down", { retryAfter: 42 });
    });
    const response = await route(request("GET"), noParams);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(await response.json()).toEqual({
      error: { code: "RATE_LIMITED", requestId: REQUEST_ID },
    });
    state.caller = null;
    expect((await route(request("GET"), noParams)).status).toBe(401);
  });

  it("answers 503 UNAVAILABLE with Retry-After when the database cannot be reached", async () => {
    // Prisma's shape for a refused connection (see lib/db/errors.test.ts, which makes it for real).
    const unreachable = Object.assign(new Error("Can't reach database server at db:5432"), {
      code: "P1001",
      meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } },
    });
    const route = createRoute({}, async () => {
      throw unreachable;
    });
    const response = await route(request("GET"), noParams);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({
      error: { code: "UNAVAILABLE", requestId: REQUEST_ID },
    });
  });

  it("answers 500 INTERNAL for anything else: no message, stack or SQL, but logged with them", async () => {
    const route = createRoute({}, async () => {
      throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
    });
    const response = await route(request("POST", { origin: "http://127.0.0.1:3100" }), noParams);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", requestId: REQUEST_ID } });
    expect(text).not.toMatch(/secret_table|SELECT|at .*\.ts/);
    const logged = lines.find((l) => l.msg === "request crashed");
    expect(logged).toMatchObject({ level: 50, requestId: REQUEST_ID });
    expect((logged!.err as { stack: string }).stack).toContain("secret_table");
  });

  it("answers 400 BAD_REQUEST when PostgreSQL refuses a NUL in text", async () => {
    const route = createRoute({}, async () => {
      throw Object.assign(new Error("Raw query failed"), {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "postgres", code: "22021" } } },
      });
    });
    const response = await route(request("GET"), noParams);
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("BAD_REQUEST");
  });
});

describe("createRoute: request ids and caching", () => {
  it("logs with the request's id inside the handler", async () => {
    const { logger } = await import("@/lib/server/logger");
    const route = createRoute("public", async () => {
      logger.info("inside the handler");
      return Response.json({});
    });
    await route(request("GET"), noParams);
    expect(lines.find((l) => l.msg === "inside the handler")?.requestId).toBe(REQUEST_ID);
  });

  it("marks every answer to a signed-in caller private, no-store", async () => {
    const route = createRoute("public", async () =>
      Response.json({}, { headers: { "Cache-Control": "public, max-age=600" } }),
    );
    expect((await route(request("GET"), noParams)).headers.get("cache-control")).toBe(
      "private, no-store",
    );
    state.caller = null;
    expect((await route(request("GET"), noParams)).headers.get("cache-control")).toBe(
      "public, max-age=600",
    );
  });
});

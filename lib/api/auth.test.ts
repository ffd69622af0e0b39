// createApiRoute's last line of defence, as createRoute's (lib/server/route.ts,
// whose handleRequest and classifyError it shares): the request id from
// proxy.ts in every log line of the handler and in the answer, an unreachable
// database as 503 with Retry-After, anything unexpected as 500 INTERNAL with
// the request id and never its message, stack or SQL.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";

const lines = vi.hoisted(() => [] as Array<Record<string, unknown>>);
vi.mock("@/lib/server/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/logger")>();
  const logger = original.createLogger({ write: (line: string) => lines.push(JSON.parse(line)) });
  logger.level = "info";
  return { ...original, logger };
});

const { createApiRoute, API_OFFICIALS } = await import("./auth");
const { logger } = await import("@/lib/server/logger");
const { errorSchema } = await import("./schemas");
const { databaseRecentlyUnavailable, markDatabaseAvailable } = await import(
  "@/lib/health/database-state"
);

const REQUEST_ID = "3b241101-e2bb-4255-8caf-4136c566a962";
const noParams = { params: Promise.resolve({}) };
const request = (headers: Record<string, string> = { "x-request-id": REQUEST_ID }) =>
  new Request("http://localhost:3000/api/v1/themes", { headers });

/** A public API route whose handler logs a line, then throws `error`. */
const failing = (error: unknown) =>
  createApiRoute("public", async () => {
    logger.info({ step: "before" }, "handler ran");
    throw error;
  });

beforeEach(() => {
  lines.length = 0;
  markDatabaseAvailable();
});

describe("createApiRoute", () => {
  it("answers 503 UNAVAILABLE with Retry-After when the database is unreachable", async () => {
    const unreachable = Object.assign(new Error("Can't reach database server at db:5432"), {
      code: "P1001",
    });
    const response = await failing(unreachable)(request(), noParams);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = errorSchema.parse(await response.json());
    expect(body.error).toMatchObject({ code: "UNAVAILABLE", requestId: REQUEST_ID });
    expect(JSON.stringify(body)).not.toContain("db:5432");
    expect(lines.find((l) => l.msg === "database unavailable")).toMatchObject({
      requestId: REQUEST_ID,
    });
    // Noted for proxy.ts, which then answers page loads with 503 while it lasts.
    expect(databaseRecentlyUnavailable()).toBe(true);
  });

  it("answers 500 INTERNAL with the request id, never the message, stack or SQL", async () => {
    const crash = new Error('relation "Secret" does not exist: SELECT * FROM "Secret"');
    const response = await failing(crash)(request(), noParams);
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBeNull();
    const text = await response.text();
    const body = errorSchema.parse(JSON.parse(text));
    expect(body.error).toMatchObject({ code: "INTERNAL", requestId: REQUEST_ID });
    expect(text).not.toMatch(/Secret|SELECT|at .*\.ts/);
    expect(databaseRecentlyUnavailable()).toBe(false);
    // The log has the detail, under the same request id.
    const logged = lines.find((l) => l.msg === "request crashed");
    expect(logged).toMatchObject({ requestId: REQUEST_ID });
    expect((logged!.err as { stack: string }).stack).toContain('SELECT * FROM "Secret"');
  });

  it("puts the proxy's request id in every log line the handler writes", async () => {
    const route = createApiRoute("public", async () => {
      logger.info("first");
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.warn("after an await");
      return Response.json({ ok: true });
    });
    expect((await route(request(), noParams)).status).toBe(200);
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["first", REQUEST_ID],
      ["after an await", REQUEST_ID],
    ]);
  });

  it("makes an id of its own when the request has none, and answers with it", async () => {
    const response = await failing(new Error("boom"))(request({}), noParams);
    const body = errorSchema.parse(await response.json());
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((l) => l.msg === "handler ran")?.requestId).toBe(body.error.requestId);
  });

  it("keeps an AppError's status and code, and asks for a token with WWW-Authenticate", async () => {
    const forbidden = await failing(new AppError("NOT_FOUND", "internal detail"))(
      request(),
      noParams,
    );
    expect(forbidden.status).toBe(404);
    const body = errorSchema.parse(await forbidden.json());
    expect(body.error).toMatchObject({ code: "NOT_FOUND", message: "Not found." });

    const handler = vi.fn(async () => Response.json({}));
    const anonymous = await createApiRoute(API_OFFICIALS, handler)(request(), noParams);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="bridgehead"');
    expect(handler).not.toHaveBeenCalled();
  });
});

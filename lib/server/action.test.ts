import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { text } from "@/lib/validation/fields";

const REQUEST_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-request-id": REQUEST_ID }),
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => null,
}));
const lines = vi.hoisted(() => [] as Array<Record<string, unknown>>);
vi.mock("@/lib/server/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/logger")>();
  const logger = original.createLogger({ write: (line: string) => lines.push(JSON.parse(line)) });
  logger.level = "info";
  return { ...original, logger };
});

const { createAction } = await import("./action");
const schema = z.strictObject({ note: text({ max: 200, multiline: true }) });
const action = (fail: unknown) =>
  createAction({ schema, access: "public", name: "test.note" }, async () => {
    if (fail) throw fail;
    return "saved";
  });

beforeEach(() => {
  lines.length = 0;
});

describe("createAction", () => {
  it("refuses 100,000 characters and a NUL with a field message, before the handler", async () => {
    const handler = vi.fn(async () => "saved");
    const save = createAction({ schema, access: "public", name: "test.note" }, handler);
    expect(await save({ note: "x".repeat(100_000) })).toEqual({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { note: "tooLong?max=200" },
    });
    expect(await save({ note: "a\u0000b" })).toEqual({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { note: "controlCharacters" },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(await save({ note: "fine" })).toEqual({ ok: true, data: "saved" });
  });

  it("says UNAVAILABLE with a retry time when the database is unreachable, logged with the request id", async () => {
    const unreachable = Object.assign(new Error("Can't reach database server"), { code: "P1001" });
    const result = await action(unreachable)({ note: "fine" });
    expect(result).toMatchObject({ ok: false, code: "UNAVAILABLE", requestId: REQUEST_ID });
    expect(result.ok === false && result.retryAfter).toBeGreaterThan(0);
    expect(lines.find((l) => l.msg === "database unavailable")).toMatchObject({
      requestId: REQUEST_ID,
      action: "test.note",
    });
  });

  it("turns a crash into a result with the request id; the log has the stack", async () => {
    const result = await action(new Error("SELECT secret FROM t"))({ note: "fine" });
    expect(result).toEqual({ ok: false, code: "UNAVAILABLE", requestId: REQUEST_ID });
    const logged = lines.find((l) => l.msg === "action crashed");
    expect((logged!.err as { stack: string }).stack).toContain("SELECT secret");
  });

  it("turns text PostgreSQL cannot store into a form message, not a crash", async () => {
    const nul = { code: "P2010", meta: { driverAdapterError: { cause: { code: "22021" } } } };
    expect(await action(nul)({ note: "fine" })).toEqual({
      ok: false,
      code: "BAD_REQUEST",
      fieldErrors: { _form: "controlCharacters" },
    });
  });
});

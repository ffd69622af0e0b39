import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import {
  currentRequestId,
  newRequestId,
  requestIdFrom,
  runWithRequestContext,
} from "./request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line: string) => lines.push(JSON.parse(line)) });
  logger.level = "info";
  return { logger, lines };
}

describe("logger", () => {
  it("adds the request id to every line logged inside a request, and only there", async () => {
    const { logger, lines } = capture();
    logger.info("before");
    await runWithRequestContext({ requestId: "req-1234-abcd" }, async () => {
      logger.info("inside");
      await new Promise((r) => setTimeout(r, 5));
      logger.child({ job: "x" }).warn("after an await, in a child");
    });
    logger.info("after");
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["before", undefined],
      ["inside", "req-1234-abcd"],
      ["after an await, in a child", "req-1234-abcd"],
      ["after", undefined],
    ]);
  });

  it("keeps concurrent requests apart", async () => {
    const { logger, lines } = capture();
    await Promise.all(
      ["aaaaaaaa-1", "bbbbbbbb-2"].map((requestId, i) =>
        runWithRequestContext({ requestId }, async () => {
          await new Promise((r) => setTimeout(r, 10 - i * 5));
          logger.info({ i }, "work");
          expect(currentRequestId()).toBe(requestId);
        }),
      ),
    );
    expect(lines.map((l) => [l.i, l.requestId]).sort()).toEqual([
      [0, "aaaaaaaa-1"],
      [1, "bbbbbbbb-2"],
    ]);
  });

  it("logs an error's stack and redacts secrets", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error("boom"), password: "hunter2hunter2" }, "crashed");
    expect((lines[0]!.err as { stack: string }).stack).toContain("boom");
    expect(JSON.stringify(lines[0])).not.toContain("hunter2");
  });
});

describe("request ids", () => {
  it("takes proxy.ts's id and refuses anything that could forge a log line", () => {
    const id = newRequestId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers({ "x-request-id": id }))).toBe(id);
    const forged = requestIdFrom(new Headers({ "x-request-id": 'x" {"level":60}' }));
    expect(forged).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers())).not.toBe(requestIdFrom(new Headers()));
  });
});

import { describe, expect, it, vi } from "vitest";

const lines = vi.hoisted(() => [] as Array<Record<string, unknown>>);
vi.mock("@/lib/server/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/server/logger")>();
  const logger = original.createLogger({ write: (line: string) => lines.push(JSON.parse(line)) });
  logger.level = "info";
  return { ...original, logger };
});
const { onRequestError } = await import("./request-errors");

describe("onRequestError", () => {
  it("logs a page's error as JSON with its request id, digest and stack, without the query", async () => {
    const error = Object.assign(new Error("Can't reach database server"), {
      code: "P1001",
      digest: "12345",
    });
    await onRequestError(
      error,
      {
        path: "/en/matches?q=secret",
        method: "GET",
        headers: { "x-request-id": "0f8fad5b-d9cb-469f-a165-70867728950e" },
      },
      {
        routerKind: "App Router",
        routePath: "/[locale]/matches",
        routeType: "render",
        revalidateReason: undefined,
      },
    );
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: "request failed",
      requestId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      digest: "12345",
      path: "/en/matches",
      route: "/[locale]/matches",
      databaseUnavailable: true,
    });
    expect((lines[0]!.err as { stack: string }).stack).toContain("Can't reach");
    expect(JSON.stringify(lines[0])).not.toContain("secret");
  });
});

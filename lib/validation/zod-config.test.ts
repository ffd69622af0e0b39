import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  z.config({ jitless: undefined });
});

describe("zod's settings (lib/validation/zod-config.ts)", () => {
  it("in a browser, the field schemas' module turns zod's compiled parsers (new Function) off", async () => {
    vi.stubGlobal("document", {});
    vi.resetModules();
    await import("./fields");
    expect(z.config().jitless).toBe(true);
  });

  it("on the server, zod keeps compiling", async () => {
    vi.resetModules();
    await import("./fields");
    expect(z.config().jitless).toBeFalsy();
  });
});

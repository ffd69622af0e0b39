// While this process's connections to PostgreSQL have just failed, proxy.ts
// answers page loads with a 503 page, after a quick probe that still fails;
// a healthy process never probes. Here with a database that refuses
// connections (a closed port) and the real proxy.
import { NextRequest, NextResponse } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import en from "@/lib/i18n/messages/en/common.json";
import zh from "@/lib/i18n/messages/zh/common.json";
import { databaseAnswers, resetDatabaseProbe } from "./database-probe";
import {
  databaseRecentlyUnavailable,
  markDatabaseAvailable,
  markDatabaseUnavailable,
  UNAVAILABLE_FRESH_MS,
} from "./database-state";
import { unavailablePageHtml } from "./unavailable-page";

/** Nothing listens on port 1: connections are refused at once. */
const REFUSING = "postgresql://app:secret@127.0.0.1:1/bridgehead";

// The language routing is not what is tested here (and its ESM build does not load in vitest).
vi.mock("next-intl/middleware", () => ({ default: () => () => NextResponse.next() }));
const { default: proxy } = await import("@/proxy");

let savedUrl: string | undefined;
beforeEach(() => {
  savedUrl = process.env.DATABASE_URL;
  markDatabaseAvailable();
  resetDatabaseProbe();
});
afterEach(() => {
  process.env.DATABASE_URL = savedUrl;
  vi.restoreAllMocks();
});

describe("the mark", () => {
  it("is fresh for a few seconds after a failure and goes on the first success", () => {
    expect(databaseRecentlyUnavailable()).toBe(false);
    const at = 1_000_000;
    markDatabaseUnavailable(at);
    expect(databaseRecentlyUnavailable(at + 1)).toBe(true);
    expect(databaseRecentlyUnavailable(at + UNAVAILABLE_FRESH_MS - 1)).toBe(true);
    expect(databaseRecentlyUnavailable(at + UNAVAILABLE_FRESH_MS)).toBe(false);
    markDatabaseUnavailable(at);
    markDatabaseAvailable();
    expect(databaseRecentlyUnavailable(at + 1)).toBe(false);
  });
});

describe("the probe", () => {
  it("says false for a database that refuses connections, and keeps the mark fresh", async () => {
    expect(await databaseAnswers(REFUSING)).toBe(false);
    expect(databaseRecentlyUnavailable()).toBe(true);
  });

  it("is shared by concurrent callers and its answer reused for a moment", async () => {
    const pg = (await import("pg")).default;
    const connect = vi.spyOn(pg.Client.prototype, "connect");
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => databaseAnswers(REFUSING)));
    expect(answers).toEqual([false, false, false, false, false]);
    expect(await databaseAnswers(REFUSING)).toBe(false);
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it("cannot tell without a connection string, and then lets the page render", async () => {
    expect(await databaseAnswers("")).toBe(true);
  });
});

describe("the 503 page", () => {
  it("is in the language of the URL, with a way back and the request id, escaped", () => {
    const html = unavailablePageHtml('/zh/themes?q="<x>"', "rid-123");
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain(`<h1 style="font-size:1.75rem">${zh.error.unavailableTitle}</h1>`);
    expect(html).toContain(zh.error.unavailableBody);
    expect(html).toContain('href="/zh/themes?q=&#34;&#60;x&#62;&#34;"');
    expect(html).not.toContain("<x>");
    expect(html).toContain("rid-123");
    expect(unavailablePageHtml("/en/themes", "r")).toContain(en.error.unavailableTitle);
    expect(unavailablePageHtml("/", "r")).toContain('lang="en"');
  });
});

describe("proxy.ts while the database is down", () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    new NextRequest(`http://127.0.0.1:3100${path}`, {
      headers: { accept: "text/html", ...headers },
    });

  it("answers a page load with 503, Retry-After and the page, when marked and the probe fails", async () => {
    process.env.DATABASE_URL = REFUSING;
    markDatabaseUnavailable();
    const response = await proxy(get("/zh/themes"));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toContain("text/html");
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toBeTruthy();
    const html = await response.text();
    expect(html).toContain(zh.error.unavailableTitle);
    expect(html).toContain(requestId);
  });

  it("never probes while the process has seen no failure", async () => {
    process.env.DATABASE_URL = REFUSING;
    const pg = (await import("pg")).default;
    const connect = vi.spyOn(pg.Client.prototype, "connect");
    const response = await proxy(get("/en/themes"));
    expect(response.status).not.toBe(503);
    expect(connect).not.toHaveBeenCalled();
  });

  it("leaves API calls, files, server actions and client navigations to their own handling", async () => {
    process.env.DATABASE_URL = REFUSING;
    markDatabaseUnavailable();
    for (const request of [
      get("/api/v1/themes"),
      get("/icon.svg"),
      get("/en/themes", { rsc: "1" }),
      new NextRequest("http://127.0.0.1:3100/en/account", {
        method: "POST",
        headers: { "next-action": "abc", origin: "http://127.0.0.1:3100", "content-length": "2" },
      }),
    ])
      expect((await proxy(request)).status, request.url).not.toBe(503);
  });

  it("lets the page render once the probe succeeds", async () => {
    process.env.DATABASE_URL = REFUSING;
    markDatabaseUnavailable();
    const pg = (await import("pg")).default;
    vi.spyOn(pg.Client.prototype, "connect").mockResolvedValue(undefined as never);
    vi.spyOn(pg.Client.prototype, "query").mockResolvedValue({ rows: [{}] } as never);
    const response = await proxy(get("/en/themes"));
    expect(response.status).not.toBe(503);
    expect(databaseRecentlyUnavailable()).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  declaredTooLarge,
  hasFileExtension,
  isApiPath,
  isAuthPostWithWrongBody,
  isCrossSiteRequest,
  isSessionCookie,
  isStateChanging,
  PRIVATE_NO_STORE,
  requiredCacheControl,
  streamedWithoutLength,
  urlHasNul,
} from "./request-policy";

const APP = "http://127.0.0.1:3100/api/official/imports";

describe("isCrossSiteRequest", () => {
  const cross = (headers: Record<string, string>, publicUrl?: string) =>
    isCrossSiteRequest(new Headers(headers), APP, publicUrl);

  it("accepts the app's own origin: Host, X-Forwarded-Host, the request URL or the public URL", () => {
    expect(cross({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" })).toBe(false);
    expect(cross({ host: "app:3000", origin: "https://bridgehead.example.eu" })).toBe(true);
    expect(
      cross({
        host: "app:3000",
        "x-forwarded-host": "bridgehead.example.eu, proxy",
        origin: "https://bridgehead.example.eu",
      }),
    ).toBe(false);
    expect(
      cross(
        { host: "app:3000", origin: "https://bridgehead.example.eu" },
        "https://bridgehead.example.eu",
      ),
    ).toBe(false);
    expect(cross({ origin: "http://127.0.0.1:3100" })).toBe(false); // the request URL's host
  });

  it("refuses another origin, a look-alike, another port, null and garbage", () => {
    for (const origin of [
      "https://evil.example",
      "http://127.0.0.1:3100.evil.example",
      "http://127.0.0.1:3101",
      "null",
      "not a url",
    ])
      expect(cross({ host: "127.0.0.1:3100", origin }), origin).toBe(true);
  });

  it("without an Origin, trusts Sec-Fetch-Site: cross-site and same-site are refused", () => {
    expect(cross({ host: "127.0.0.1:3100", "sec-fetch-site": "cross-site" })).toBe(true);
    expect(cross({ host: "127.0.0.1:3100", "sec-fetch-site": "same-site" })).toBe(true);
    expect(cross({ host: "127.0.0.1:3100", "sec-fetch-site": "same-origin" })).toBe(false);
    // Not from a browser page: no victim's cookies to abuse.
    expect(cross({ host: "127.0.0.1:3100" })).toBe(false);
  });
});

describe("requiredCacheControl", () => {
  it("makes every API answer private, no-store, but the public OpenAPI document", () => {
    for (const path of [
      "/api/account/export",
      "/api/official/imports/abc",
      "/api/official/interests/export",
      "/api/v1/themes/dairy/matches",
      "/api/v1/organisations/import",
      "/api/auth/session",
      "/api/ready",
    ])
      expect(requiredCacheControl(path, false), path).toBe(PRIVATE_NO_STORE);
    expect(requiredCacheControl("/api/v1/openapi.json", true)).toBeNull();
  });

  it("makes pages private, no-store for a signed-in user only; files keep their own", () => {
    expect(requiredCacheControl("/en/matches", true)).toBe(PRIVATE_NO_STORE);
    expect(requiredCacheControl("/zh", true)).toBe(PRIVATE_NO_STORE);
    expect(requiredCacheControl("/en/themes", false)).toBeNull();
    expect(requiredCacheControl("/examples/organisations.csv", true)).toBeNull();
  });

  it("knows next-auth's session cookie, Secure or not, chunked or not", () => {
    expect(isSessionCookie("next-auth.session-token")).toBe(true);
    expect(isSessionCookie("__Secure-next-auth.session-token")).toBe(true);
    expect(isSessionCookie("__Secure-next-auth.session-token.1")).toBe(true);
    expect(isSessionCookie("next-auth.csrf-token")).toBe(false);
    expect(isSessionCookie("fake-next-auth.session-tokens")).toBe(false);
  });
});

describe("paths, methods, sizes", () => {
  it("tells API paths and files apart from pages", () => {
    expect(isApiPath("/api/v1/themes")).toBe(true);
    expect(isApiPath("/apiary")).toBe(false);
    expect(hasFileExtension("/en/x.txt")).toBe(true);
    expect(hasFileExtension("/icon.svg")).toBe(true);
    expect(hasFileExtension("/en/opportunities/dairy-2026")).toBe(false);
  });

  it("knows which methods change state", () => {
    for (const m of ["POST", "put", "PATCH", "DELETE"]) expect(isStateChanging(m)).toBe(true);
    for (const m of ["GET", "HEAD", "OPTIONS"]) expect(isStateChanging(m)).toBe(false);
  });

  it("finds NUL in a URL, raw or encoded, in path or query", () => {
    expect(urlHasNul("http://h/en/interests/review?q=a%00b")).toBe(true);
    expect(urlHasNul("http://h/en/x%00y")).toBe(true);
    expect(urlHasNul("http://h/en/interests/review?q=a%2500b")).toBe(false); // "%00" as text
    expect(urlHasNul("http://h/en/interests/review?q=%E4%B9%B3")).toBe(false);
  });

  it("compares a declared body length with a limit", () => {
    expect(declaredTooLarge(new Headers({ "content-length": "1048577" }), 1048576)).toBe(true);
    expect(declaredTooLarge(new Headers({ "content-length": "1048576" }), 1048576)).toBe(false);
    expect(declaredTooLarge(new Headers(), 10)).toBe(false);
  });
});

describe("bodies proxy.ts refuses before anything reads them", () => {
  it("a server action streamed without a length", () => {
    expect(streamedWithoutLength(new Headers({ "transfer-encoding": "chunked" }))).toBe(true);
    expect(streamedWithoutLength(new Headers({ "content-length": "10" }))).toBe(false);
    expect(streamedWithoutLength(new Headers())).toBe(false);
  });

  it("a next-auth post that is not a form", () => {
    const form = new Headers({
      "content-type": "application/x-www-form-urlencoded; charset=UTF-8",
    });
    const json = new Headers({ "content-type": "application/json" });
    expect(isAuthPostWithWrongBody("POST", "/api/auth/callback/credentials", form)).toBe(false);
    expect(isAuthPostWithWrongBody("POST", "/api/auth/callback/credentials", json)).toBe(true);
    expect(isAuthPostWithWrongBody("POST", "/api/auth/signout", new Headers())).toBe(true);
    expect(isAuthPostWithWrongBody("GET", "/api/auth/session", new Headers())).toBe(false);
    expect(isAuthPostWithWrongBody("POST", "/api/official/imports", json)).toBe(false);
  });
});

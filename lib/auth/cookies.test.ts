import { describe, expect, it } from "vitest";
import { authCookies, sessionCookie, usesSecureCookies } from "./cookies";

describe("auth cookies", () => {
  it("over HTTPS: Secure, with the __Secure- and __Host- prefixes", () => {
    const cookies = authCookies("https://bridgehead.example.eu");
    expect(usesSecureCookies("https://bridgehead.example.eu")).toBe(true);
    expect(cookies.sessionToken.name).toBe("__Secure-next-auth.session-token");
    expect(cookies.callbackUrl.name).toBe("__Secure-next-auth.callback-url");
    expect(cookies.csrfToken.name).toBe("__Host-next-auth.csrf-token");
    for (const cookie of Object.values(cookies)) {
      expect(cookie.options, cookie.name).toMatchObject({
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: true,
      });
      // __Host- cookies must not name a domain; none of ours does.
      expect(cookie.options.domain, cookie.name).toBeUndefined();
    }
    expect(sessionCookie("https://bridgehead.example.eu")).toEqual({
      name: "__Secure-next-auth.session-token",
      secure: true,
    });
  });

  it("over plain HTTP (development, e2e): not Secure, so no prefix", () => {
    const cookies = authCookies("http://localhost:3000");
    expect(usesSecureCookies("http://127.0.0.1:3100")).toBe(false);
    expect(cookies.sessionToken.name).toBe("next-auth.session-token");
    expect(cookies.callbackUrl.name).toBe("next-auth.callback-url");
    expect(cookies.csrfToken.name).toBe("next-auth.csrf-token");
    for (const cookie of Object.values(cookies)) {
      expect(cookie.name).not.toMatch(/^__(Secure|Host)-/);
      expect(cookie.options, cookie.name).toMatchObject({
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: false,
      });
    }
  });
});

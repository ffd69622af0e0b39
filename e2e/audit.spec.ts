// The audit log over HTTP against the production build: a failed sign-in by
// someone else and an official's refused visit are listed for the admin, the
// filters (in the address) narrow the list, only admins see the page; and the
// cookies the app sets carry the right flags.
import type { Locator, Page } from "@playwright/test";
import { createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb } from "./support/db";

/** The results region; the table on wide screens, the cards on phones (one is hidden). */
function results(page: Page): Locator {
  return page.getByRole("region", { name: "Entries" });
}

function visibleText(scope: Locator, text: string) {
  return scope.getByText(text, { exact: true }).filter({ visible: true });
}

test.describe("the audit log", () => {
  test("lists someone else's failed sign-in and an official's refused visit; filters narrow it", {
    tag: "@phone",
  }, async ({ page, browser }) => {
    test.setTimeout(240_000);
    const db = e2eDb();
    const someone = await createUser(db, {
      role: "OFFICIAL",
      email: `${unique("audited")}@test.example`,
    });

    // Someone else, in their own browser: a wrong password, then a page they may not see.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto("/en/login");
    await otherPage.getByLabel("Email address").fill(someone.email);
    await otherPage.getByLabel("Password").fill("not the password at all");
    await otherPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(otherPage.getByRole("alert").filter({ hasText: "not correct" })).toBeVisible();
    await signIn(otherPage, someone.email, TEST_PASSWORD);
    const refused = await otherPage.goto("/en/admin/audit");
    expect(refused?.status()).toBe(404);
    await other.close();

    await signIn(page, DEMO.admin, DEMO_PASSWORD);
    await page.goto("/en/admin/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

    // Narrow to that person: their failure, sign-in and refusal, newest first.
    await page.getByLabel("Actor's email address").fill(someone.email);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`actor=${encodeURIComponent(someone.email)}`));
    const list = results(page);
    await expect(visibleText(list, "Sign-in failed")).toHaveCount(1);
    await expect(visibleText(list, "wrong_password")).toHaveCount(1);
    await expect(visibleText(list, "Signed in")).toHaveCount(1);
    await expect(visibleText(list, "Access refused")).toHaveCount(1);
    await expect(visibleText(list, "/en/admin/audit")).toHaveCount(1);
    await expect(page.getByText("3 entries on this page")).toBeVisible();
    // The password tried is nowhere.
    await expect(page.getByText("not the password at all")).toHaveCount(0);
    await expectAccessible(page);

    // One action only: the failure; then one that did not happen: nothing.
    await page.getByLabel("Action", { exact: true }).selectOption("auth.sign_in_failed");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/action=auth\.sign_in_failed/);
    await expect(page.getByText("1 entry on this page")).toBeVisible();
    await expect(visibleText(list, "Sign-in failed")).toHaveCount(1);

    // The address is the view: bookmarkable, in the other language too.
    const search = new URL(page.url()).search;
    await page.goto(`/zh/admin/audit${search}`);
    await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
    const zhList = page.getByRole("region", { name: "日志条目" });
    await expect(visibleText(zhList, "登录失败")).toHaveCount(1);
    // Localised column names (the table's headers, or the cards' labels on a phone).
    await expect(visibleText(zhList, "操作人").first()).toBeVisible();
    await expectAccessible(page);

    await page.goto(
      `/en/admin/audit?actor=${encodeURIComponent(someone.email)}&action=user.disable`,
    );
    await expect(page.getByText("No entry matches these filters.")).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/en\/admin\/audit$/);
  });

  test("officials and partners get the usual 404", async ({ page }) => {
    await signIn(page, DEMO.official, DEMO_PASSWORD);
    expect((await page.goto("/en/admin/audit"))?.status()).toBe(404);
    expect((await page.goto("/zh/admin/audit?prefix=auth."))?.status()).toBe(404);
  });
});

test.describe("cookies", () => {
  test("the session and CSRF cookies are HttpOnly, SameSite=Lax, on path /", async ({ page }) => {
    const callback = page.waitForResponse(
      (r) => r.url().includes("/api/auth/callback/credentials") && r.request().method() === "POST",
    );
    await signIn(page, DEMO.partner, DEMO_PASSWORD);
    const setCookies = (await (await callback).headersArray())
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
    const session = setCookies.find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
    expect(session, setCookies.join("\n")).toBeTruthy();
    for (const flag of [/;\s*HttpOnly/i, /;\s*SameSite=Lax/i, /;\s*Path=\/(;|$)/i])
      expect(session).toMatch(flag);
    // e2e runs over plain HTTP: no Secure flag is possible, so no prefix (lib/auth/cookies.ts).
    expect(session).not.toMatch(/^__Secure-/);

    const cookies = await page.context().cookies();
    for (const name of [
      "next-auth.session-token",
      "next-auth.csrf-token",
      "next-auth.callback-url",
    ]) {
      const cookie = cookies.find((c) => c.name === name);
      expect(cookie, name).toBeTruthy();
      expect(cookie, name).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    }
  });

  test("the language cookie is SameSite=Lax", async ({ playwright, baseURL }) => {
    const context = await playwright.request.newContext({ baseURL });
    const response = await context.get("/en", {
      headers: { "accept-language": "zh-CN,zh;q=0.9" },
      maxRedirects: 0,
    });
    const locale = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value)
      .find((c) => c.startsWith("NEXT_LOCALE="));
    expect(locale).toMatch(/^NEXT_LOCALE=en;/);
    expect(locale).toMatch(/;\s*SameSite=Lax/i);
    expect(locale).toMatch(/;\s*Path=\//i);
    await context.dispose();
  });
});

import { unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb, latestEmail, linkIn } from "./support/db";

test.describe("signing in and out", () => {
  test("login and logout, and personal pages need a session", { tag: "@phone" }, async ({
    page,
  }) => {
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/login\?next=%2Fen%2Faccount/);
    await expectAccessible(page);

    await page.getByLabel("Email address").fill(DEMO.official);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not correct" })).toBeVisible();

    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/en\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en\/login\?notice=signedOut/);
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/login/);
  });

  test("a session cookie replayed after logout no longer works", async ({ page, context }) => {
    await signIn(page, DEMO.official, DEMO_PASSWORD);
    const cookies = await context.cookies();
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/notice=signedOut/);
    await context.addCookies(cookies);
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/login/);
  });
});

test.describe("the account menu", () => {
  test("opens from the keyboard, Escape closes it, and signing out from it ends the session", {
    tag: "@phone",
  }, async ({ page }) => {
    await signIn(page, DEMO.official, DEMO_PASSWORD);
    await page.goto("/en/account");
    const menuButton = page.getByRole("button", { name: "Account menu" });
    const firstItem = page.getByRole("link", { name: "Partners and coverage" });
    await expect(firstItem).toBeHidden();
    // Its name holds what it shows (WCAG 2.5.3): the user's name from 640 px up, else an icon.
    const wide = page.viewportSize()!.width >= 640;
    await expect(menuButton.getByText("演示官员")).toBeVisible({ visible: wide });
    await expect(menuButton).toHaveAccessibleName(
      wide ? "演示官员 – Account menu" : "Account menu",
    );

    await menuButton.focus();
    await page.keyboard.press("Enter");
    await expect(firstItem).toBeVisible();
    await expect(page.getByRole("link", { name: "Account", exact: true })).toHaveAttribute(
      "href",
      "/en/account",
    );
    await expectAccessible(page);
    // Focus moves from the button into the menu, visibly.
    await page.keyboard.press("Tab");
    await expect(firstItem).toBeFocused();
    expect(await firstItem.evaluate((el) => el.matches(":focus-visible"))).toBe(true);
    expect(await firstItem.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe("none");

    await page.keyboard.press("Escape");
    await expect(firstItem).toBeHidden();
    await expect(menuButton).toBeFocused();

    // Space opens it too; the last item signs out.
    await page.keyboard.press(" ");
    const signOut = page.getByRole("button", { name: "Sign out" });
    await expect(signOut).toBeVisible();
    for (let i = 0; i < 20 && !(await signOut.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(signOut).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/en\/login\?notice=signedOut$/);
    // The header is the signed-out one.
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await expect(menuButton).toHaveCount(0);
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/login/);
  });

  test("opens without JavaScript, and holds no form a crawler could submit to sign out", async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    await signIn(page, DEMO.partner, DEMO_PASSWORD, "zh");
    const cookies = await context.cookies();
    const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
    try {
      await noScript.addCookies(cookies);
      const plain = await noScript.newPage();
      await plain.goto("/zh/matches");
      await plain.getByRole("button", { name: "账户菜单" }).click();
      const organisation = plain.getByRole("link", { name: "我的机构" });
      await expect(organisation).toBeVisible();
      await expect(plain.getByRole("button", { name: "退出登录" })).toBeVisible();
      // Sign-out is a script's call, not a form: a scanner that submits every
      // form with the user's cookie must not end the session it tests with.
      expect(await plain.locator("header form").count()).toBe(0);
      await organisation.click();
      await expect(plain).toHaveURL(/\/zh\/organisation/);
    } finally {
      await noScript.close();
    }
    // The session is still live.
    await page.goto("/zh/matches");
    await expect(page).toHaveURL(/\/zh\/matches/);
  });
});

test.describe("password reset", () => {
  test("by emailed link, single use, and the old password stops working", async ({ page }) => {
    const db = e2eDb();
    const email = `${unique("reset")}@test.example`;
    const { hashPassword } = await import("@/lib/auth/password");
    await db.user.create({
      data: {
        email,
        name: "Reset Tester",
        passwordHash: await hashPassword("the old password 1"),
        role: "OFFICIAL",
        emailVerifiedAt: new Date(),
      },
    });

    await page.goto("/en/forgot-password");
    await expectAccessible(page);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account uses this address");

    const message = await latestEmail(email, "reset-password");
    const link = linkIn(message.text, "/en/reset-password?token=");
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("Repeat the new password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page).toHaveURL(/\/en\/login\?notice=passwordReset/);

    await signIn(page, email, "a brand new passphrase");
    await expect(page).toHaveURL(/\/en\/official/);

    // The link is single use.
    await page.goto(link);
    await page.getByLabel("New password", { exact: true }).fill("another new passphrase");
    await page.getByLabel("Repeat the new password").fill("another new passphrase");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not valid any more" })).toBeVisible();
  });

  test("answers the same for an unknown address", async ({ page }) => {
    await page.goto("/zh/forgot-password");
    await page.getByLabel("电子邮箱").fill(`${unique("nobody")}@test.example`);
    await page.getByRole("button", { name: "发送链接" }).click();
    await expect(page.getByRole("status")).toContainText("如果有账户使用该邮箱");
  });
});

import { unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb, latestEmail, linkIn } from "./support/db";

async function acceptInvitation(
  page: import("@playwright/test").Page,
  link: string,
  name: string,
  password: string,
) {
  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("Your account is ready")).toBeVisible();
}

test("a partner invites a colleague, who joins the same organisation", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `${unique("colleague")}@uni.example`;
  await signIn(page, DEMO.partner, DEMO_PASSWORD);
  await page.goto("/en/organisation/members");
  await expectAccessible(page);
  await page.getByLabel("Your colleague's email address").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const message = await latestEmail(email, "invitation-colleague");
  const link = linkIn(message.text, "/en/invitation?token=");
  const context = await browser.newContext();
  const colleague = await context.newPage();
  await acceptInvitation(colleague, link, "Nora Colleague", "fjord cheese lantern");
  await signIn(colleague, email, "fjord cheese lantern");

  const db = e2eDb();
  const [inviter, joined] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: DEMO.partner } }),
    db.user.findUniqueOrThrow({ where: { email } }),
  ]);
  expect(joined.organisationId).toBe(inviter.organisationId);
  expect(joined.role).toBe("PARTNER");

  // The link is single use.
  await context.clearCookies();
  await colleague.goto(link);
  await expect(colleague.getByText("This invitation has already been used.")).toBeVisible();
  await context.close();
});

test("an admin invites an official, who then signs in", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = `${unique("official")}@hohhot.example.cn`;
  await signIn(page, DEMO.admin, DEMO_PASSWORD);
  await page.goto("/en/admin/users");
  await expectAccessible(page);
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).last().selectOption("OFFICIAL");
  await page.getByLabel("Language of the email").selectOption("zh");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const message = await latestEmail(email, "invitation-staff");
  expect(message.locale).toBe("zh");
  const link = linkIn(message.text, "/zh/invitation?token=");
  const context = await browser.newContext();
  const official = await context.newPage();
  await official.goto(link);
  await official.getByLabel("您的姓名").fill("王丽");
  await official.getByLabel("密码", { exact: true }).fill("grassland milk bridge");
  await official.getByLabel("再次输入密码").fill("grassland milk bridge");
  await official.getByRole("button", { name: "创建我的账户" }).click();
  await signIn(official, email, "grassland milk bridge", "zh");
  await expect(official).not.toHaveURL(/login/);
  const stored = await e2eDb().user.findUniqueOrThrow({ where: { email } });
  expect(stored).toMatchObject({ role: "OFFICIAL", organisationId: null });
  await context.close();
});

import { unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb, latestEmail, linkIn } from "./support/db";

const DESCRIPTION =
  "Nordlicht Dairy Lab cultures lactic acid bacteria and probiotic strains for yoghurt and cheese makers, " +
  "runs pilot-scale fermentation and advises on herd health and raw milk quality.";

test("a partner registers, verifies through the outbox, completes onboarding and edits the profile", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = `${unique("anna")}@uni.example`;
  const password = "grassland yoghurt bridge";

  await page.goto("/en/register");
  await expectAccessible(page);
  await page.getByLabel("Your name").fill("Anna Berg");
  await page.getByLabel("Work email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();

  // Signing in before verification is refused with a clear message.
  await page.goto("/en/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "verify your email" })).toBeVisible();

  // An admin reads the verification link in the development outbox.
  await latestEmail(email, "verify-email");
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, DEMO.admin, DEMO_PASSWORD);
  await admin.goto(`/en/admin/outbox?to=${encodeURIComponent(email)}`);
  await expectAccessible(admin);
  await admin.getByRole("link", { name: "Confirm your email address" }).first().click();
  const verifyLink = admin.getByRole("link", { name: /\/en\/verify\?token=/ });
  const href = (await verifyLink.getAttribute("href")) ?? "";
  await adminContext.close();

  await page.goto(new URL(href).pathname + new URL(href).search);
  await page.getByRole("button", { name: "Verify my email address" }).click();
  await expect(page.getByText("Your email address is verified.")).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).last().click();

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/onboarding/);
  await expectAccessible(page);

  // Step 2: the organisation.
  await page.getByLabel("Name of the organisation").fill("Nordlicht Dairy Lab");
  await page.getByLabel("Type of organisation").selectOption({ label: "Research institute" });
  await page.getByLabel("Country").selectOption({ label: "Germany" });
  await page.getByLabel("City").fill("Kiel");
  await page.getByLabel("Website").fill("javascript:alert(1)");
  await page.getByLabel("Size").selectOption({ index: 2 });
  await page.getByLabel("Description").fill(DESCRIPTION);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("starting with http:// or https://").first()).toBeVisible();
  await page.getByLabel("Website").fill("https://nordlicht-dairy.example");
  await page.getByRole("button", { name: "Save and continue" }).click();

  // Step 3: capabilities, saved; leaving and coming back resumes here.
  await expect(page.getByRole("heading", { name: "What you offer and seek" })).toBeVisible();
  await page.getByLabel("Dairy industry R&D and expertise").check();
  await page.getByLabel("Keywords").fill("starter cultures");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByLabel("From level").selectOption({ label: "TRL 3" });
  await page.getByLabel("To level").selectOption({ label: "TRL 6" });
  await page.getByLabel("Joint research and development").check();
  await page.getByLabel("English").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Privacy notice" })).toBeVisible();
  await page.goto("/en/organisation");
  await expect(page).toHaveURL(/\/en\/onboarding/);
  await expect(page.getByRole("heading", { name: "Privacy notice" })).toBeVisible();

  // Step 4: consent.
  await page.getByLabel("I have read and accept the privacy notice.").check();
  await page.getByLabel(/may see my organisation's profile/).check();
  await page.getByRole("button", { name: "Agree and finish" }).click();
  await expect(page).toHaveURL(/\/en\/organisation$/);
  await expect(page.getByRole("heading", { level: 1, name: "Nordlicht Dairy Lab" })).toBeVisible();
  await expectAccessible(page);

  // Editing the profile.
  await page.getByRole("link", { name: "Edit profile" }).click();
  await page.getByLabel("City").fill("Lübeck");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile has been saved")).toBeVisible();
  await expect(page.getByText("Lübeck", { exact: true })).toBeVisible();

  const stored = await e2eDb().user.findUniqueOrThrow({
    where: { email },
    include: { organisation: true },
  });
  expect(stored.organisation).toMatchObject({
    name: "Nordlicht Dairy Lab",
    city: "Lübeck",
    onboardingStep: null,
  });
  expect(stored.organisation?.consentedAt).not.toBeNull();
});

test("registration in Chinese, and the same answer for an address already registered", async ({
  page,
}) => {
  await page.goto("/zh/register");
  await page.getByLabel("您的姓名").fill("李明");
  await page.getByLabel("工作电子邮箱").fill(DEMO.partner);
  await page.getByLabel("密码").fill("a long enough passphrase");
  await page.getByRole("button", { name: "创建账户" }).click();
  await expect(page.getByText("请查收邮件")).toBeVisible();
  const message = await latestEmail(DEMO.partner, "account-exists");
  expect(linkIn(message.text, "/zh/forgot-password")).toBe("/zh/forgot-password");
});

// Security tests of issue #6 (section 5), accounts: the sign-in rate limit
// against rotating spoofed client-address headers, identical answers for known
// and unknown email addresses, and GDPR erasure that leaves no personal data
// in any column of any table. Non-visual: desktop project only. The other
// rate limits and the timing are tested beside the code
// (lib/security/rate-limits.integration.test.ts,
// lib/security/account-enumeration.integration.test.ts); docs/security.md
// lists every case.
import { randomInt } from "node:crypto";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { createOrganisation, createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { DEMO, signIn } from "./support/auth";
import { e2eDb, latestEmail } from "./support/db";

// HTTP behaviour does not depend on the viewport: this file runs in the desktop project
// only (playwright.config.ts).
const NAVIGATION = { timeout: 30_000 };

const spoofedIp = () =>
  `${randomInt(1, 223)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** One sign-in attempt as next-auth's client makes it, from a "new" address each time. */
async function signInOverHttp(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const ip = spoofedIp();
  return request.post("/api/auth/callback/credentials", {
    headers: {
      "x-forwarded-for": `${spoofedIp()}, ${ip}`,
      "x-real-ip": ip,
      forwarded: `for=${ip}`,
      "true-client-ip": ip,
    },
    form: { email, password, csrfToken, callbackUrl: "/en", json: "true" },
    maxRedirects: 0,
  });
}

test.describe("sign-in rate limit", () => {
  test("trips per account although every attempt claims another client address", async ({
    request,
  }) => {
    test.setTimeout(120_000);
    const user = await createUser(e2eDb(), { email: `${unique("brute")}@test.example` });
    const statuses: number[] = [];
    // lib/rate-limit RATE_LIMITS.loginPerAccount: 10 attempts in 15 minutes.
    for (let i = 0; i < 12; i++)
      statuses.push((await signInOverHttp(request, user.email, `wrong guess ${i}`)).status());
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Even the right password is refused now: the limit is not an oracle for it.
    const right = await signInOverHttp(request, user.email, TEST_PASSWORD);
    expect(right.status()).toBe(429);
    expect(Number(right.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await e2eDb().session.count({ where: { userId: user.id } })).toBe(0);
  });
});

test.describe("known and unknown addresses get the same answer", () => {
  test("sign-in: a wrong password and an unknown address, over HTTP and on the page", async ({
    page,
    request,
  }) => {
    const known = await createUser(e2eDb(), { email: `${unique("known")}@test.example` });
    const unknown = `${unique("unknown")}@test.example`;
    const a = await signInOverHttp(request, known.email, "not the password");
    const b = await signInOverHttp(request, unknown, "not the password");
    expect(a.status()).toBe(b.status());
    expect(await a.json()).toEqual(await b.json());

    const shown: string[] = [];
    for (const email of [known.email, unknown]) {
      await page.goto("/en/login");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      const alert = page.getByRole("alert").filter({ hasText: "not correct" });
      await expect(alert).toBeVisible();
      shown.push((await alert.textContent()) ?? "");
    }
    expect(shown[0]).toBe(shown[1]);
  });

  test("password reset: the same page for a known and an unknown address; only the owner gets a link", async ({
    page,
  }) => {
    const known = await createUser(e2eDb(), { email: `${unique("reset-known")}@test.example` });
    const unknown = `${unique("reset-unknown")}@test.example`;
    const shown: string[] = [];
    for (const email of [known.email, unknown]) {
      await page.goto("/en/forgot-password");
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Send link" }).click();
      const status = page
        .getByRole("status")
        .filter({ hasText: "If an account uses this address" });
      await expect(status).toBeVisible();
      shown.push((await status.textContent()) ?? "");
    }
    expect(shown[0]).toBe(shown[1]);
    await latestEmail(known.email, "reset-password");
    expect(await e2eDb().emailMessage.count({ where: { to: unknown } })).toBe(0);
  });

  test("registration: an existing address gets the page a new one gets; its owner is told by email", async ({
    page,
  }) => {
    const existing = await createUser(e2eDb(), { email: `${unique("reg-existing")}@test.example` });
    const fresh = `${unique("reg-new")}@test.example`;
    const shown: string[] = [];
    for (const email of [existing.email, fresh]) {
      await page.goto("/en/register");
      await page.getByLabel("Your name").fill("Someone Curious");
      await page.getByLabel("Work email address").fill(email);
      await page.getByLabel("Password").fill("violet tractor harbour lantern");
      await page.getByRole("button", { name: "Create account" }).click();
      const status = page.getByRole("status").filter({ hasText: "Check your email" });
      await expect(status).toBeVisible(NAVIGATION);
      shown.push(((await status.textContent()) ?? "").replace(email, "<email>"));
    }
    expect(shown[0]).toBe(shown[1]);
    await latestEmail(existing.email, "account-exists");
    await latestEmail(fresh, "verify-email");
    const owner = await e2eDb().user.findUniqueOrThrow({ where: { id: existing.id } });
    expect(owner.name).toBe(existing.name);
  });

  test("email change: an address another account uses gets the same answer as a free one", async ({
    page,
  }) => {
    const me = await createUser(e2eDb(), { email: `${unique("changer")}@test.example` });
    const taken = await createUser(e2eDb(), { email: `${unique("taken")}@test.example` });
    const free = `${unique("free")}@test.example`;
    await signIn(page, me.email, TEST_PASSWORD);
    const shown: string[] = [];
    for (const email of [taken.email, free]) {
      await page.goto("/en/account");
      const section = page.getByRole("region", { name: "Change email address" });
      await section.getByLabel("New email address").fill(email);
      await section.getByLabel("Current password").fill(TEST_PASSWORD);
      await section.getByRole("button", { name: "Send confirmation link" }).click();
      const done = section.getByText("A confirmation link is on its way");
      await expect(done).toBeVisible();
      shown.push(((await done.textContent()) ?? "").replace(email, "<email>"));
    }
    expect(shown[0]).toBe(shown[1]);
    await latestEmail(taken.email, "change-email");
    await latestEmail(free, "change-email");
  });
});

/** Every text, varchar, text[] and json(b) column of every table of the public schema. */
async function textColumns() {
  return e2eDb().$queryRaw<Array<{ table: string; column: string }>>`
    SELECT table_name AS "table", column_name AS "column"
    FROM information_schema.columns
    WHERE table_schema = 'public'
      AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
           OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))
      AND table_name IN (SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
    ORDER BY table_name, column_name`;
}

/** "Table.column: needle" for every cell that still holds one of the needles. */
async function residue(needles: string[]) {
  const found: string[] = [];
  for (const { table, column } of await textColumns()) {
    for (const needle of needles) {
      const [row] = await e2eDb().$queryRawUnsafe<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE $1`,
        `%${needle.replace(/[\\%_]/g, "\\$&")}%`,
      );
      if (row!.n > 0) found.push(`${table}.${column}: ${needle} (${row!.n})`);
    }
  }
  return found;
}

async function deleteAccount(page: Page, organisationName: string) {
  await page.goto("/en/account");
  const section = page.getByRole("region", { name: "Delete account" });
  await section.getByRole("checkbox", { name: `Also delete ${organisationName}` }).check();
  await section.getByLabel("Current password").fill(TEST_PASSWORD);
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/en$/, NAVIGATION);
}

/**
 * A partner with personal data everywhere (profile, organisation as last
 * member, expression of interest with them as contact, an answer, an internal
 * note and a question naming them, a notification, emails, a session, tokens,
 * invitations, audit rows, rate-limit counters), erased through the account
 * page. Returns what the scan of every text and JSON column still finds.
 */
async function eraseAPartnerWithDataEverywhere(page: Page, browser: Browser): Promise<string[]> {
  const db = e2eDb();
  const marker = unique("erasure").replace("-", "");
  const email = `${marker}@erase.example`;
  const newEmail = `${marker}-new@erase.example`;
  const name = `Erin ${marker} Eraser`;
  const phone = `+49 30 ${randomInt(1_000_000, 9_999_999)}`;
  const needles = [marker, email, newEmail, name, phone];

  // The person, the last member of their organisation, with their data in its profile.
  const organisation = await createOrganisation(db, { name: `Org of ${marker}` });
  await db.organisation.update({
    where: { id: organisation.id },
    data: {
      description: `${organisation.description} Contact ${name} on ${phone}.`,
      keywords: ["dairy", marker],
      city: `Town ${marker}`,
      website: `https://${marker}.erase.example`,
    },
  });
  const user = await createUser(db, { organisationId: organisation.id, email, name });
  // An invitation they were sent (accepted) and one they sent.
  await db.invitation.create({
    data: {
      email,
      role: "PARTNER",
      organisationId: organisation.id,
      tokenHash: hashToken(newToken().token),
      expiresAt: new Date(Date.now() + 86_400_000),
      acceptedAt: new Date(),
    },
  });

  // Signed in (a session with its browser), it uses the app for real.
  await signIn(page, email, TEST_PASSWORD);
  await page.goto("/en/organisation/members");
  const colleague = `${unique("colleague")}@test.example`;
  await page.getByLabel("Your colleague's email address").fill(colleague);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}.`)).toBeVisible(NAVIGATION);

  const [opportunity] = await db.opportunity.findMany({
    where: {
      status: "PUBLISHED",
      OR: [{ deadline: null }, { deadline: { gte: new Date(Date.now() + 7 * 86_400_000) } }],
    },
    orderBy: { slug: "asc" },
    take: 1,
  });
  await page.goto(`/en/interests/new?opportunity=${opportunity!.slug}`);
  await page
    .getByLabel("Motivation")
    .fill(`We want dairy pilots in Hohhot. Ask ${name} (${phone}) about reference ${marker}.`);
  await page.getByLabel("Proposed type of cooperation").selectOption("JOINT_RD");
  await page.getByLabel("What your organisation brings").fill(`A pilot line run by ${name}.`);
  await page.getByLabel("Proposed timeline").fill(`From 2027, says ${marker}`);
  await page.getByRole("button", { name: "Send expression of interest" }).click();
  await expect(page).toHaveURL(/\/en\/interests\/[a-z0-9]+$/, NAVIGATION);
  const interest = await db.expressionOfInterest.findFirstOrThrow({
    where: { organisationId: organisation.id },
  });

  // An official asks a question and notes something internally (the official's UI is
  // tested elsewhere; what it writes is written here), then the person answers.
  const official = await db.user.findUniqueOrThrow({ where: { email: DEMO.official } });
  await db.$transaction([
    db.expressionOfInterest.update({
      where: { id: interest.id },
      data: { status: "INFO_REQUESTED", version: { increment: 1 } },
    }),
    db.interestEvent.create({
      data: {
        interestId: interest.id,
        fromStatus: "SUBMITTED",
        toStatus: "INFO_REQUESTED",
        actorId: official.id,
        note: `Dear ${name}, which strains?`,
      },
    }),
    db.interestNote.create({
      data: { interestId: interest.id, authorId: official.id, body: `Called ${phone}.` },
    }),
    db.notification.create({
      data: {
        userId: user.id,
        kind: "interest.infoRequested",
        interestId: interest.id,
        data: { from: "SUBMITTED", to: "INFO_REQUESTED" },
      },
    }),
  ]);
  await page.reload();
  await page.getByLabel("Your answer").fill(`Lactobacillus strains, ${marker}. Call ${phone}.`);
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByLabel("Your answer")).toHaveCount(0, NAVIGATION);

  // An email change they did not finish, their data downloaded, a reset link asked for.
  const account = page.getByRole("region", { name: "Change email address" });
  await page.goto("/en/account");
  await account.getByLabel("New email address").fill(newEmail);
  await account.getByLabel("Current password").fill(TEST_PASSWORD);
  await account.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(account.getByText("A confirmation link is on its way")).toBeVisible();
  expect((await page.request.get("/api/account/export")).status()).toBe(200);
  const anonymous = await browser.newContext();
  const other = await anonymous.newPage();
  await other.goto("/en/forgot-password");
  await other.getByLabel("Email address").fill(email);
  await other.getByRole("button", { name: "Send link" }).click();
  await expect(other.getByRole("status")).toContainText("If an account uses this address");
  await anonymous.close();
  await latestEmail(email, "reset-password");
  await latestEmail(newEmail, "change-email");

  // Before: the needles are there, in many places (the scan finds what it looks for).
  const before = await residue([marker]);
  expect(before.length).toBeGreaterThan(8);

  await deleteAccount(page, organisation.name);
  expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  expect(await db.organisation.count({ where: { id: organisation.id } })).toBe(0);

  // The audit log keeps the user's id (not personal data once the account is gone).
  expect(await db.auditLog.count({ where: { actorId: user.id } })).toBeGreaterThan(0);
  return residue(needles);
}

test.describe("forms before hydration", () => {
  /** A staff invitation made the way the app stores it; returns the link's token. */
  async function invitationToken() {
    const { token, hash } = newToken();
    await e2eDb().invitation.create({
      data: {
        email: `${unique("nojs-invited")}@hohhot.example.cn`,
        role: "OFFICIAL",
        tokenHash: hash,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return token;
  }

  // Every form renders method="post" (lib/security/forms-post.test.ts checks the source of
  // each useActionForm form): submitted before its JavaScript runs, it posts to the page
  // and the password never lands in the address bar, the history or a proxy's log.
  test("a form submitted before hydration puts no password in the URL", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const password = `secret-${unique("nojs")}`;
    const forms = [
      {
        path: "/en/login",
        fill: async () => {
          await page.getByLabel("Email address").fill(`${unique("nojs")}@test.example`);
          await page.getByLabel("Password").fill(password);
        },
        submit: page.getByRole("button", { name: "Sign in", exact: true }),
      },
      {
        path: "/en/register",
        fill: async () => {
          await page.getByLabel("Your name").fill("Someone Early");
          await page.getByLabel("Work email address").fill(`${unique("nojs")}@test.example`);
          await page.getByLabel("Password").fill(password);
        },
        submit: page.getByRole("button", { name: "Create account" }),
      },
      {
        // The form wapiti's crawl found without method="post" (docs/security.md, "Scans").
        path: `/en/invitation?token=${await invitationToken()}`,
        fill: async () => {
          await page.getByLabel("Your name").fill("Someone Invited");
          await page.getByLabel("Password", { exact: true }).fill(password);
          await page.getByLabel("Repeat the password").fill(password);
        },
        submit: page.getByRole("button", { name: "Create my account" }),
      },
    ];
    for (const form of forms) {
      await page.goto(form.path);
      await form.fill();
      const sent = page.waitForRequest((request) => request.isNavigationRequest());
      await form.submit.click();
      const request = await sent;
      expect(request.method()).toBe("POST");
      expect(request.url()).not.toContain(password);
      await page.waitForLoadState();
      expect(page.url()).not.toContain(password);
      expect(page.url()).not.toContain("password=");
    }
    await context.close();
  });
});

test.describe("GDPR erasure", () => {
  // deleteAccount (lib/auth/actions.ts) also erases the outbox rows sent to the user's
  // addresses and those naming the user or their organisation (eraseEmailsAbout).
  test("erasing an account leaves none of its personal data in any table, the email outbox included", async ({
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    expect(await eraseAPartnerWithDataEverywhere(page, browser)).toEqual([]);
  });
});

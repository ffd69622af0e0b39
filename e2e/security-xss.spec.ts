// Security tests of issue #6 (section 5): XSS payloads in every free-text field
// are stored as text and shown as text. Each field gets its own payload
// (a <script> element, an attribute break-out with an onerror handler, an SVG
// onload, a template expression); at least one payload per kind of field goes
// through the real form, the rest is written to the database where the form
// is tested elsewhere. On every page that shows them: no dialog opens, no
// element is injected, and the text is visible literally. In emails the HTML
// part is escaped; in the CSV export formulas are neutralised. A `javascript:`
// website is refused by the forms, and one written to the database is not
// rendered as a link. Non-visual: desktop project only.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { createOrganisation, createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb, latestEmail } from "./support/db";

// HTTP behaviour does not depend on the viewport: this file runs in the desktop project
// only (playwright.config.ts).
const NAVIGATION = { timeout: 30_000 };

const SCRIPT = "<script>alert(1)</script>";
const ATTRIBUTE = '"><img src=x onerror=alert(1)>';
const SVG = "<svg/onload=alert(1)>";
// biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
const TEMPLATE = "{{7*7}} ${7*7}";

/** A payload naming its field, so that a page shows which one it got; `short` fits 60 characters. */
function payload(field: string, tag: string, short = false) {
  return short ? `${field}${tag} ${SVG}` : `${field} ${tag} ${SCRIPT} ${ATTRIBUTE} ${TEMPLATE}`;
}

/** Records dialogs (alert, confirm, prompt) opened by any page of the context. */
function watchDialogs(page: Page) {
  const opened: string[] = [];
  page.context().on("page", (p) => p.on("dialog", (d) => void d.dismiss()));
  page.on("dialog", (dialog) => {
    opened.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

/** Elements or attributes a payload would have created had it been parsed as HTML. */
const INJECTED = 'img[src="x"], svg[onload], [onerror], [onload], a[href^="javascript:" i]';

/** Opens a page and checks that every given text is shown literally and nothing was injected. */
async function expectInert(page: Page, path: string, texts: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const main = page.locator("body");
  for (const text of texts) await expect(main, `${path} shows ${text}`).toContainText(text);
  await expect(page.locator(INJECTED), `${path}: injected markup`).toHaveCount(0);
  // The <script> of a payload never becomes an element: Next's own all carry the nonce.
  expect(
    await page
      .locator("script:not([nonce]):not([src])")
      .evaluateAll((nodes) =>
        nodes.map((n) => n.textContent ?? "").filter((t) => t.includes("alert(1)")),
      ),
    `${path}: inline script`,
  ).toEqual([]);
}

/** The outbox rows written since `since` that carry the tag: their HTML escapes every payload. */
async function expectEscapedEmails(tag: string, since: Date, atLeast: number) {
  const messages = await e2eDb().emailMessage.findMany({
    where: { createdAt: { gte: since }, text: { contains: tag } },
  });
  expect(messages.length, "emails carrying the payloads").toBeGreaterThanOrEqual(atLeast);
  for (const message of messages) {
    const html = message.html ?? "";
    expect(html, message.template).not.toContain("<script>alert");
    expect(html, message.template).not.toContain("<img src=x");
    expect(html, message.template).not.toContain("<svg/onload");
    expect(html, message.template).toMatch(/&lt;(script|img|svg)/);
    // The plain-text part keeps the text as typed.
    expect(message.text, message.template).toMatch(/<(script|svg)/);
  }
  return messages;
}

test.describe("XSS payloads", () => {
  test("through the opportunity, interest and review forms: inert on every page, escaped in emails, neutralised in CSV", async ({
    page,
    browser,
  }) => {
    test.setTimeout(480_000);
    const db = e2eDb();
    const since = new Date(Date.now() - 1000);
    const tag = `xss${randomBytes(4).toString("hex")}`;
    const dialogs = watchDialogs(page);

    // A partner whose organisation name is also a spreadsheet formula.
    const orgName = `=HYPERLINK("https://evil.example","${tag}") ${SCRIPT}`;
    const organisation = await createOrganisation(db, { name: orgName });
    const partner = await createUser(db, {
      organisationId: organisation.id,
      name: payload("Partner", tag).slice(0, 120),
    });
    const official = await createUser(db, {
      role: "OFFICIAL",
      name: payload("Official", tag).slice(0, 120),
    });

    // 1. An official writes and publishes an opportunity: payloads in both languages.
    const texts = {
      titleEn: `Title ${tag} ${SCRIPT} ${ATTRIBUTE}`,
      titleZh: `标题 ${tag} ${SCRIPT} ${TEMPLATE}`,
      hostNameEn: `Host ${tag} ${SVG}`,
      hostNameZh: `主办方 ${tag} ${ATTRIBUTE}`,
      descriptionEn: `${payload("DescriptionEn", tag)} We seek a partner for dairy pilots.`,
      descriptionZh: `${payload("DescriptionZh", tag)} 寻求欧洲合作伙伴开展乳业试点合作。`,
    };
    await signIn(page, official.email, TEST_PASSWORD);
    await page.goto("/en/official/manage/new");
    await page.getByLabel("Title in English").fill(texts.titleEn);
    await page.getByLabel("Title in Chinese").fill(texts.titleZh);
    await page.getByLabel("Host organisation in English").fill(texts.hostNameEn);
    await page.getByLabel("Host organisation in Chinese").fill(texts.hostNameZh);
    await page.getByLabel("Description in English").fill(texts.descriptionEn);
    await page.getByLabel("Description in Chinese").fill(texts.descriptionZh);
    await page.getByLabel("Theme").selectOption({ index: 1 });
    await page.getByLabel("Type of host").selectOption({ index: 1 });
    await page.getByRole("checkbox", { name: "Joint research and development" }).check();
    await page.getByLabel("Lowest level").selectOption("3");
    await page.getByLabel("Highest level").selectOption("7");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page).toHaveURL(/\/edit\?saved=published$/, NAVIGATION);
    const opportunity = await db.opportunity.findFirstOrThrow({
      where: { titleEn: texts.titleEn },
    });
    expect(opportunity).toMatchObject({ ...texts, status: "PUBLISHED" });

    // 2. The partner expresses interest: payloads in every text of the form.
    const partnerPage = await (await browser.newContext()).newPage();
    const partnerDialogs = watchDialogs(partnerPage);
    const interestTexts = {
      motivation: `${payload("Motivation", tag)} We run probiotic dairy pilots in three countries.`,
      contribution: `${payload("Contribution", tag)} Two researchers.`,
      timeline: `Timeline ${tag} ${SVG} ${TEMPLATE}`,
    };
    await signIn(partnerPage, partner.email, TEST_PASSWORD);
    await partnerPage.goto(`/en/interests/new?opportunity=${opportunity.slug}`);
    await partnerPage.getByLabel("Motivation").fill(interestTexts.motivation);
    await partnerPage.getByLabel("Proposed type of cooperation").selectOption("JOINT_RD");
    await partnerPage.getByLabel("What your organisation brings").fill(interestTexts.contribution);
    await partnerPage.getByLabel("Proposed timeline").fill(interestTexts.timeline);
    await partnerPage.getByRole("button", { name: "Send expression of interest" }).click();
    await expect(partnerPage).toHaveURL(/\/en\/interests\/[a-z0-9]+$/, NAVIGATION);
    const interest = await db.expressionOfInterest.findFirstOrThrow({
      where: { organisationId: organisation.id },
    });
    expect(interest).toMatchObject(interestTexts);

    // 3. The official reviews: assigns it, asks a question, writes an internal note.
    const question = `Question ${tag} ${SCRIPT} ${ATTRIBUTE}`;
    const note = `Note ${tag} ${SVG} ${TEMPLATE}`;
    await page.goto(`/en/official/interests/${interest.id}`);
    await page.getByRole("button", { name: "Assign to me" }).click();
    await expect(page.getByText(/Assigned to/).first()).toBeVisible(NAVIGATION);
    await page.getByRole("button", { name: "Start review" }).click();
    await page.getByRole("button", { name: "Request information" }).click();
    await page.getByLabel("Your question to the partner").fill(question);
    await page.getByRole("button", { name: "Send question" }).click();
    await expect(page.getByText(question).first()).toBeVisible(NAVIGATION);
    await page.getByLabel("New note").fill(note);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByText(note)).toBeVisible(NAVIGATION);

    // 4. The partner answers.
    const answer = `Answer ${tag} ${SCRIPT} ${ATTRIBUTE} ${TEMPLATE}`;
    await partnerPage.goto(`/en/interests/${interest.id}`);
    await partnerPage.getByLabel("Your answer").fill(answer);
    await partnerPage.getByRole("button", { name: "Send answer" }).click();
    await expect(partnerPage.getByLabel("Your answer")).toHaveCount(0, NAVIGATION);

    // 5. The official declines with a message.
    const declineMessage = `Decline ${tag} ${SCRIPT} ${SVG}`;
    await page.reload();
    await page.getByRole("button", { name: "Decline" }).first().click();
    await page.getByLabel("Reason").selectOption({ index: 1 });
    await page.getByLabel("Message to the partner").fill(declineMessage);
    await page.getByRole("button", { name: "Decline" }).last().click();
    await expect
      .poll(
        async () =>
          (await db.expressionOfInterest.findUniqueOrThrow({ where: { id: interest.id } })).status,
        NAVIGATION,
      )
      .toBe("DECLINED");

    // 6. Every page that shows them, for the partner, the public and the officials.
    const partnerPages: Array<[string, string[]]> = [
      [
        `/en/interests/${interest.id}`,
        [
          texts.titleEn,
          interestTexts.motivation,
          interestTexts.contribution,
          interestTexts.timeline,
          question,
          answer,
          declineMessage,
        ],
      ],
      ["/en/interests", [texts.titleEn]],
      ["/en/notifications", [texts.titleEn]],
      [
        `/en/opportunities/${opportunity.slug}`,
        [texts.titleEn, texts.hostNameEn, texts.descriptionEn],
      ],
      [
        `/zh/opportunities/${opportunity.slug}`,
        [texts.titleZh, texts.hostNameZh, texts.descriptionZh],
      ],
      ["/en/organisation", [orgName]],
      ["/en/organisation/members", [partner.name]],
      ["/en/account", [partner.name]],
    ];
    for (const [path, shown] of partnerPages) await expectInert(partnerPage, path, shown);

    const officialPages: Array<[string, string[]]> = [
      [
        `/en/official/interests/${interest.id}`,
        [
          orgName,
          interestTexts.motivation,
          interestTexts.contribution,
          interestTexts.timeline,
          question,
          answer,
          note,
          declineMessage,
          partner.name,
        ],
      ],
      [`/zh/official/interests/${interest.id}`, [orgName, texts.titleZh, note]],
      [`/en/official/interests?q=${tag}&status=DECLINED`, [orgName]],
      [`/zh/official/manage?q=${tag}`, [texts.titleZh]],
      [`/zh/official/opportunities/${opportunity.slug}`, [texts.titleZh]],
      ["/en/official", []],
    ];
    for (const [path, shown] of officialPages) await expectInert(page, path, shown);

    // 7. Emails: the question, the decision, the reply to the assigned official, with names,
    // titles and texts in them, are escaped in HTML.
    await latestEmail(partner.email, "interest-info-request");
    await latestEmail(partner.email, "interest-status");
    await latestEmail(official.email, "interest-replied");
    await expectEscapedEmails(tag, since, 3);

    // 8. The CSV export: the formula is neutralised, the markup kept as plain text.
    const csv = await page.request.get(`/api/official/interests/export?q=${tag}&locale=en`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["x-content-type-options"]).toBe("nosniff");
    const records: string[][] = parse(await csv.body(), { bom: true });
    const row = records.find((r) => r.includes(interest.id));
    expect(row).toBeDefined();
    expect(row).toContain(`'${orgName}`);
    expect(row).not.toContain(orgName);
    expect(row).toContain(interestTexts.motivation);

    expect([...dialogs, ...partnerDialogs]).toEqual([]);
    await partnerPage.context().close();
  });

  test("through the profile, keyword, token, registration and import forms; a javascript: website is never a link", async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(420_000);
    const db = e2eDb();
    const tag = `xss${randomBytes(4).toString("hex")}`;
    const dialogs = watchDialogs(page);

    // A stored javascript: website (the forms refuse one; an old row or a bug might not).
    const organisation = await createOrganisation(db, { name: `Profile Org ${tag}` });
    await db.organisation.update({
      where: { id: organisation.id },
      data: { website: "javascript:alert(document.domain)", keywords: [`Seeded${tag} ${SVG}`] },
    });
    const partner = await createUser(db, { organisationId: organisation.id });
    await signIn(page, partner.email, TEST_PASSWORD);
    await expectInert(page, "/en/organisation", [`Seeded${tag} ${SVG}`]);
    await expect(page.getByText("javascript:alert(document.domain)")).toBeVisible();

    // The profile form: a javascript: website is refused, the payloads are saved as text.
    const profile = {
      name: payload("Name", tag),
      city: `City ${tag} ${SVG}`,
      description: `${payload("Description", tag)} We develop starter cultures and probiotic strains for dairies, with a pilot plant and a sensory panel for partners.`,
      keyword: payload("Kw", tag, true),
    };
    await page.goto("/en/organisation/edit");
    const nameField = page.getByLabel("Name of the organisation");
    await expect(nameField).toHaveValue(organisation.name);
    await nameField.clear();
    await nameField.fill(profile.name);
    await expect(nameField).toHaveValue(profile.name);
    await page.getByLabel("City").fill(profile.city);
    await page.getByLabel("Description").fill(profile.description);
    await page.getByRole("textbox", { name: "Keywords" }).fill(profile.keyword);
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByLabel("Website").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("starting with http:// or https://").first()).toBeVisible();
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).name).toBe(
      organisation.name,
    );
    await page.getByLabel("Website").fill("https://profile.example");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect
      .poll(
        async () =>
          (await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).name,
        NAVIGATION,
      )
      .toBe(profile.name);
    await expectInert(page, "/en/organisation", [
      profile.name,
      profile.city,
      profile.description,
      profile.keyword,
    ]);
    await expectInert(page, "/en/organisation/edit", []);
    await expect(page.getByLabel("Name of the organisation")).toHaveValue(profile.name);

    // An official: theme keywords and an API token name through their forms.
    const official = await browser.newContext();
    const officialPage = await official.newPage();
    const officialDialogs = watchDialogs(officialPage);
    await signIn(officialPage, DEMO.official, DEMO_PASSWORD);
    const theme = await db.theme.findFirstOrThrow({
      where: { slug: { notIn: ["dairy", "cross-border-ecommerce", "chemicals-new-materials"] } },
      orderBy: { order: "desc" },
    });
    const keyword = payload("ThemeKw", tag, true);
    await officialPage.goto(`/en/official/themes/${theme.slug}/keywords`);
    const english = officialPage.getByLabel("English keywords");
    await english.fill(`${await english.inputValue()}\n${keyword}`);
    await officialPage.getByRole("button", { name: "Save keywords" }).click();
    await expect(officialPage.getByText("Keywords saved.")).toBeVisible(NAVIGATION);
    expect((await db.theme.findUniqueOrThrow({ where: { id: theme.id } })).keywordsEn).toContain(
      keyword,
    );
    await expectInert(officialPage, `/en/official/themes/${theme.slug}/keywords`, []);
    await expect(officialPage.getByLabel("English keywords")).toHaveValue(new RegExp(tag));
    await expectInert(officialPage, `/en/themes/${theme.slug}`, []);
    await expectInert(officialPage, `/en/official/themes/${theme.slug}`, []);

    const tokenName = `Token ${tag} ${SVG}`;
    await officialPage.goto("/en/official/api-tokens");
    await officialPage.getByLabel("Name").fill(tokenName);
    await officialPage.getByRole("button", { name: "Create token" }).click();
    const token = await officialPage.getByLabel("Token", { exact: true }).inputValue();
    await expectInert(officialPage, "/en/official/api-tokens", [tokenName]);

    // The REST API's import (JSON Lines) with payloads in every text column.
    const imported = {
      externalRef: `xss-${tag}`,
      name: payload("Imported", tag),
      type: "sme",
      country: "DE",
      city: `Import City ${tag} ${ATTRIBUTE}`,
      website: "https://imported.example",
      description: `${payload("ImportedDescription", tag)} Dairy processing and probiotic cultures.`,
      keywords: [payload("ImpKw", tag, true), "dairy"],
    };
    const bad = { ...imported, externalRef: `xss-bad-${tag}`, website: "javascript:alert(1)" };
    const refused = await request.post("/api/v1/organisations/import", {
      headers: { Authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
      data: `${JSON.stringify(bad)}\n`,
    });
    expect(refused.status()).toBe(422);
    expect(await refused.text()).not.toContain("<svg");
    const response = await request.post("/api/v1/organisations/import", {
      headers: { Authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
      data: `${JSON.stringify(imported)}\n`,
    });
    expect(response.status(), await response.text()).toBeLessThan(300);
    expect(response.headers()["content-type"]).toContain("application/json");
    const stored = await db.organisation.findUniqueOrThrow({
      where: { externalRef: imported.externalRef },
    });
    expect(stored).toMatchObject({ name: imported.name, city: imported.city });
    const run = await db.importRun.findFirstOrThrow({
      where: { source: "api" },
      orderBy: { createdAt: "desc" },
    });
    await expectInert(officialPage, `/en/official/import/${run.id}`, []);

    // A person registers with a payload as their name; an admin sees it in the user list.
    const name = payload("Registered", tag).slice(0, 120);
    const email = `${tag}@test.example`;
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/en/register");
    await visitor.getByLabel("Your name").fill(name);
    await visitor.getByLabel("Work email address").fill(email);
    await visitor.getByLabel("Password").fill("violet tractor harbour lantern");
    await visitor.getByRole("button", { name: "Create account" }).click();
    await expect(visitor.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible(
      NAVIGATION,
    );
    await visitor.context().close();
    const verification = await latestEmail(email, "verify-email");
    expect(verification.html).not.toContain("<script>alert");
    expect(verification.html).toContain("&lt;script&gt;");

    const admin = await browser.newContext();
    const adminPage = await admin.newPage();
    const adminDialogs = watchDialogs(adminPage);
    await signIn(adminPage, DEMO.admin, DEMO_PASSWORD);
    await expectInert(adminPage, `/en/admin/users?q=${encodeURIComponent(email)}`, [name]);
    await expectInert(adminPage, `/en/admin/outbox/${verification.id}`, [name]);
    await expectInert(adminPage, "/en/admin/outbox", []);

    expect([...dialogs, ...officialDialogs, ...adminDialogs]).toEqual([]);
    await official.close();
    await admin.close();
  });
});

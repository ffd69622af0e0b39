// Security tests of issue #6 (section 5), access control over HTTP against the
// production build: another organisation's data in pages and in their RSC
// (flight) payloads, server actions replayed with another organisation's ids,
// the API's audience, accounts demoted or disabled in the middle of a session,
// a session cookie replayed after sign-out, and the middleware-bypass header
// of CVE-2025-29927. Non-visual: desktop project only. docs/security.md lists
// every case and where it is tested; e2e/authorization.spec.ts holds the
// first replays (organisation profile, invitations, admin actions).
import { createHash, randomBytes } from "node:crypto";
import type { APIRequestContext, Page, Request } from "@playwright/test";
import { createOrganisation, createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

// HTTP behaviour does not depend on the viewport: this file runs in the desktop project
// only (playwright.config.ts).
const NAVIGATION = { timeout: 30_000 };

/** Performs an action in the UI and returns the server-action request it sent. */
async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    act(),
  ]);
  return request;
}

/** Sends a captured server action again, with other arguments, with this context's cookies. */
async function replay(request: APIRequestContext, captured: Request, args: unknown[]) {
  return request.post(captured.url(), {
    headers: {
      "next-action": captured.headers()["next-action"]!,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(captured.url()).origin,
    },
    data: JSON.stringify(args),
  });
}

const argsOf = (captured: Request) => JSON.parse(captured.postData() ?? "[]") as unknown[];

/** Published opportunities still open for expressions of interest (one open expression each per organisation). */
async function openOpportunities() {
  const opportunities = await e2eDb().opportunity.findMany({
    where: {
      status: "PUBLISHED",
      OR: [{ deadline: null }, { deadline: { gte: new Date(Date.now() + 7 * 86_400_000) } }],
    },
    orderBy: { slug: "asc" },
    take: 3,
  });
  if (opportunities.length < 3) throw new Error("the demo data has too few open opportunities");
  return opportunities as [
    (typeof opportunities)[0],
    (typeof opportunities)[0],
    (typeof opportunities)[0],
  ];
}

/**
 * An organisation with a member, an expression of interest and a
 * notification, every text carrying one unique marker that must never show
 * up anywhere another organisation looks.
 */
async function organisationWithData(label: string) {
  const db = e2eDb();
  const marker = unique(`${label.toLowerCase()}secret`);
  const organisation = await createOrganisation(db, { name: `${label} Org ${marker}` });
  await db.organisation.update({
    where: { id: organisation.id },
    data: {
      description: `${organisation.description} Confidential: ${marker}.`,
      keywords: ["dairy", marker],
    },
  });
  const user = await createUser(db, {
    organisationId: organisation.id,
    name: `${label} Person ${marker}`,
    email: `${marker}@test.example`,
  });
  const [first, second] = await openOpportunities();
  const interest = (status: "SUBMITTED" | "INFO_REQUESTED", note?: string) =>
    db.expressionOfInterest.create({
      data: {
        organisationId: organisation.id,
        themeId: (status === "SUBMITTED" ? first : second).themeId,
        opportunityId: (status === "SUBMITTED" ? first : second).id,
        status,
        motivation: `We would like to work with Hohhot on dairy pilots; reference ${marker}.`,
        cooperationType: "JOINT_RD",
        contribution: `Two researchers and a pilot line (${marker}).`,
        timeline: "Spring 2027",
        contactUserId: user.id,
        submittedById: user.id,
        events: {
          create: [
            { toStatus: "SUBMITTED", actorId: user.id },
            ...(status === "INFO_REQUESTED"
              ? [{ fromStatus: "SUBMITTED" as const, toStatus: status, note: note ?? null }]
              : []),
          ],
        },
      },
    });
  const submitted = await interest("SUBMITTED");
  const questioned = await interest("INFO_REQUESTED", `Which strains would you bring? ${marker}`);
  await db.notification.create({
    data: {
      userId: user.id,
      kind: "interest.infoRequested",
      interestId: questioned.id,
      data: { from: "SUBMITTED", to: "INFO_REQUESTED" },
    },
  });
  return { organisation, user, submitted, questioned, marker, opportunity: first };
}

/** What the router sends for a flight (RSC) payload instead of HTML. */
const RSC = { RSC: "1" };

test.describe("another organisation's data", () => {
  test("its pages answer 404 and neither the HTML nor the RSC payload holds its data", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const a = await organisationWithData("Alpha");
    const b = await organisationWithData("Beta");
    await signIn(page, b.user.email, TEST_PASSWORD);

    const foreign = [
      `/en/interests/${a.submitted.id}`,
      `/zh/interests/${a.questioned.id}`,
      `/en/official/interests/${a.submitted.id}`,
    ];
    for (const path of foreign) {
      for (const headers of [{}, RSC, { ...RSC, "Next-Router-Prefetch": "1" }]) {
        // An RSC request is first redirected to its cache-busting ?_rsc address: followed.
        const response = await page.request.get(path, { headers });
        const body = await response.text();
        const what = `${path} ${JSON.stringify(headers)}`;
        // A page answers 404; a flight payload carries the not-found tree instead (status
        // 200); a prefetch only the route's shape.
        if (!("RSC" in headers)) expect(response.status(), what).toBe(404);
        else if (!("Next-Router-Prefetch" in headers))
          expect(body, what).toContain("NEXT_HTTP_ERROR_FALLBACK;404");
        expect(body, what).not.toContain(a.marker);
      }
    }

    // B's own pages, as HTML and as RSC payload: B's data is there, A's is not.
    const own = [
      "/en/organisation",
      "/en/organisation/edit",
      "/en/organisation/members",
      "/en/interests",
      `/en/interests/${b.questioned.id}`,
      "/en/notifications",
      "/en/matches",
      "/en/account",
      `/en/opportunities/${a.opportunity.slug}`,
    ];
    for (const path of own) {
      for (const headers of [{}, RSC]) {
        const response = await page.request.get(path, { headers });
        const body = await response.text();
        expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(200);
        expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain(a.marker);
      }
    }
    // The control: the flight payload does carry the page's own data, so the check above bites.
    const ownFlight = await page.request.get(`/en/interests/${b.questioned.id}`, { headers: RSC });
    expect(ownFlight.headers()["content-type"]).toContain("text/x-component");
    expect(await ownFlight.text()).toContain(b.marker);

    const exported = await page.request.get("/api/account/export");
    expect(exported.status()).toBe(200);
    const data = await exported.text();
    expect(data).toContain(b.marker);
    expect(data).not.toContain(a.marker);
  });

  test("server actions replayed with its ids change nothing", async ({
    page,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const db = e2eDb();
    const a = await organisationWithData("Alpha");
    const b = await organisationWithData("Beta");
    await signIn(page, b.user.email, TEST_PASSWORD);
    const snapshotOfA = async () =>
      db.expressionOfInterest.findMany({
        where: { organisationId: a.organisation.id },
        orderBy: { id: "asc" },
        include: { events: { orderBy: { id: "asc" } } },
      });
    const untouched = await snapshotOfA();

    // Answer B's question for real, then replay the answer against A's questioned expression.
    await page.goto(`/en/interests/${b.questioned.id}`);
    await page.getByLabel("Your answer").fill("Lactobacillus strains approved for food use.");
    const reply = await captureAction(page, () =>
      page.getByRole("button", { name: "Send answer" }).click(),
    );
    await expect(page.getByLabel("Your answer")).toHaveCount(0, NAVIGATION);
    const replyArgs = argsOf(reply) as Array<Record<string, unknown>>;
    await replay(page.request, reply, [{ ...replyArgs[0], id: a.questioned.id, version: 1 }]);
    await replay(page.request, reply, [{ ...replyArgs[0], id: a.questioned.id, version: 0 }]);

    // Withdraw B's submitted expression for real, then replay against A's.
    await page.goto(`/en/interests/${b.submitted.id}`);
    await page.getByRole("button", { name: "Withdraw expression of interest" }).click();
    const withdraw = await captureAction(page, () =>
      page.getByRole("button", { name: "Yes, withdraw it" }).click(),
    );
    await expect(page.getByRole("button", { name: "Withdraw expression of interest" })).toHaveCount(
      0,
      NAVIGATION,
    );
    const withdrawArgs = argsOf(withdraw) as Array<Record<string, unknown>>;
    await replay(page.request, withdraw, [{ ...withdrawArgs[0], id: a.submitted.id }]);
    // The same two action ids with no cookie at all: UNAUTHENTICATED.
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const [captured, args] of [
      [withdraw, { ...withdrawArgs[0], id: a.submitted.id }],
      [reply, { ...replyArgs[0], id: a.questioned.id, version: 1 }],
    ] as const) {
      const response = await replay(anonymous, captured, [args]);
      expect(await response.text()).toContain('"code":"UNAUTHENTICATED"');
    }
    await anonymous.dispose();

    // Mark one of A's notifications read with B's "mark read" action.
    const notificationA = await db.notification.findFirstOrThrow({ where: { userId: a.user.id } });
    await page.goto("/en/notifications");
    const markRead = await captureAction(page, () =>
      page
        .getByRole("button", { name: /^Mark “.+” as read$/ })
        .first()
        .click(),
    );
    await replay(page.request, markRead, [{ id: notificationA.id }]);

    expect(await snapshotOfA()).toEqual(untouched);
    expect(
      (await db.notification.findUniqueOrThrow({ where: { id: notificationA.id } })).readAt,
    ).toBeNull();
    // B's own changes did happen: the replays were refused, not broken.
    const bNow = await db.expressionOfInterest.findMany({
      where: { id: { in: [b.questioned.id, b.submitted.id] } },
      orderBy: { id: "asc" },
    });
    expect(bNow.map((i) => i.status).sort()).toEqual(["PARTNER_REPLIED", "WITHDRAWN"]);
  });

  test("an expression of interest submitted with its member as contact, or its id, is refused", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const db = e2eDb();
    const a = await organisationWithData("Alpha");
    const organisation = await createOrganisation(db, { name: unique("Gamma Org") });
    const user = await createUser(db, { organisationId: organisation.id });
    const [opportunity] = await openOpportunities();
    await signIn(page, user.email, TEST_PASSWORD);
    await page.goto(`/en/interests/new?opportunity=${opportunity.slug}`);
    await page
      .getByLabel("Motivation")
      .fill("Our institute runs probiotic pilots with dairy cooperatives and wants to bring them.");
    await page.getByLabel("Proposed type of cooperation").selectOption("JOINT_RD");
    await page
      .getByLabel("What your organisation brings")
      .fill("Two researchers and a pilot line.");
    await page.getByLabel("Proposed timeline").fill("Start in spring 2027");
    const submit = await captureAction(page, () =>
      page.getByRole("button", { name: "Send expression of interest" }).click(),
    );
    await expect(page).toHaveURL(/\/en\/interests\/[a-z0-9]+$/, NAVIGATION);
    await db.expressionOfInterest.updateMany({
      where: { organisationId: organisation.id },
      data: { status: "WITHDRAWN" },
    });
    const [values] = argsOf(submit) as Array<Record<string, unknown>>;
    for (const changed of [
      { contactUserId: a.user.id, submissionKey: crypto.randomUUID() },
      { organisationId: a.organisation.id, submissionKey: crypto.randomUUID() },
      { status: "ACCEPTED", submissionKey: crypto.randomUUID() },
    ]) {
      const response = await replay(page.request, submit, [{ ...values, ...changed }]);
      expect(response.status()).toBeLessThan(500);
    }
    expect(
      await db.expressionOfInterest.count({
        where: { OR: [{ contactUserId: a.user.id, organisationId: { not: a.organisation.id } }] },
      }),
    ).toBe(0);
    const mine = await db.expressionOfInterest.findMany({
      where: { organisationId: organisation.id },
    });
    expect(mine.map((i) => i.status)).toEqual(["WITHDRAWN"]);
    expect(
      await db.expressionOfInterest.count({ where: { organisationId: a.organisation.id } }),
    ).toBe(2);
  });
});

/** An API token made the way the app stores them (only the SHA-256 hash), for any user. */
async function apiTokenFor(userId: string) {
  const token = `bh_${randomBytes(32).toString("base64url")}`;
  await e2eDb().apiToken.create({
    data: {
      userId,
      name: unique("security"),
      prefix: token.slice(0, 11),
      tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
    },
  });
  return { Authorization: `Bearer ${token}` };
}

test.describe("the REST API", () => {
  test("a partner's token is refused; an official's sees only what officials may", async ({
    request,
  }) => {
    const db = e2eDb();
    const partnerOrg = await createOrganisation(db, { name: unique("Api Partner Org") });
    const partner = await createUser(db, { organisationId: partnerOrg.id });
    const asPartner = await apiTokenFor(partner.id);
    for (const path of [
      "/api/v1/themes",
      "/api/v1/opportunities",
      "/api/v1/themes/dairy/matches",
    ]) {
      const response = await request.get(path, { headers: asPartner });
      expect(response.status(), path).toBe(403);
      expect((await response.json()).error.code).toBe("FORBIDDEN");
    }
    const row = {
      externalRef: unique("mass"),
      name: unique("Smuggled Org"),
      type: "sme",
      country: "DE",
      description: "An organisation imported with fields that are not columns of the import.",
    };
    const imported = await request.post("/api/v1/organisations/import", {
      headers: { ...asPartner, "content-type": "application/x-ndjson" },
      data: `${JSON.stringify({ name: "Partner Import", type: "sme", country: "DE", description: "Should never be imported by a partner." })}\n`,
    });
    expect(imported.status()).toBe(403);

    const official = await createUser(db, { role: "OFFICIAL" });
    const asOfficial = await apiTokenFor(official.id);

    // Mass assignment through the API body: fields that are not import columns refuse the row.
    for (const extra of [
      { id: partnerOrg.id },
      { origin: "REGISTERED" },
      { consentedAt: new Date().toISOString() },
      { organisationId: partnerOrg.id },
    ]) {
      const response = await request.post("/api/v1/organisations/import", {
        headers: { ...asOfficial, "content-type": "application/x-ndjson" },
        data: `${JSON.stringify({ ...row, ...extra })}\n`,
      });
      expect(response.status(), JSON.stringify(extra)).toBe(422);
      expect(await response.text()).toContain(Object.keys(extra)[0]!);
    }
    expect(await db.organisation.count({ where: { name: row.name } })).toBe(0);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: partnerOrg.id } })).name).toBe(
      partnerOrg.name,
    );
    // A draft opportunity, and an organisation that has not consented to be seen, scoring high.
    const dairy = await db.theme.findFirstOrThrow({ where: { slug: "dairy" } });
    const draft = await db.opportunity.create({
      data: {
        slug: unique("draft-secret"),
        themeId: dairy.id,
        titleEn: unique("Draft secret"),
        titleZh: "草稿",
        descriptionEn: "Not published yet.",
        descriptionZh: "尚未发布。",
        cooperationTypes: ["JOINT_RD"],
        partnerTypes: [],
        trlMin: 3,
        trlMax: 6,
        hostNameEn: "Host",
        hostNameZh: "主办方",
        hostType: "ENTERPRISE",
      },
    });
    const hidden = await db.organisation.create({
      data: {
        name: unique("Unconsented Org"),
        type: "SME",
        country: "DE",
        description: "Registered but has not agreed that officials may see it.",
        keywords: ["dairy"],
        consentedAt: null,
      },
    });
    await db.matchScore.create({
      data: {
        organisationId: hidden.id,
        targetKind: "THEME",
        targetId: dairy.id,
        score: 100,
        explanation: "{}",
        computedAt: new Date(),
      },
    });
    const opportunities = await request.get("/api/v1/opportunities?limit=100", {
      headers: asOfficial,
    });
    expect(opportunities.status()).toBe(200);
    expect(await opportunities.text()).not.toContain(draft.slug);
    expect(
      (
        await request.get(`/api/v1/opportunities/${draft.id}/matches`, { headers: asOfficial })
      ).status(),
    ).toBe(404);
    const matches = await request.get("/api/v1/themes/dairy/matches?limit=100", {
      headers: asOfficial,
    });
    expect(matches.status()).toBe(200);
    const body = await matches.json();
    expect(body.data.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain(hidden.id);
    expect(JSON.stringify(body)).not.toContain(hidden.name);
  });
});

test.describe("a role or status changed in the middle of a session", () => {
  test("an official demoted to partner, then disabled, is refused at the next request everywhere", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const db = e2eDb();
    const official = await createUser(db, { role: "OFFICIAL", name: unique("Demoted Official") });
    await signIn(page, official.email, TEST_PASSWORD);
    await page.goto("/en/official/api-tokens");
    const name = unique("before");
    await page.getByLabel("Name").fill(name);
    const create = await captureAction(page, () =>
      page.getByRole("button", { name: "Create token" }).click(),
    );
    const token = await page.getByLabel("Token", { exact: true }).inputValue();
    const api = { Authorization: `Bearer ${token}` };
    expect((await page.request.get("/api/v1/themes", { headers: api })).status()).toBe(200);
    expect((await page.request.get("/api/official/interests/export")).status()).toBe(200);
    const tokens = () => db.apiToken.count({ where: { userId: official.id } });
    expect(await tokens()).toBe(1);

    // Demoted: same cookie, same token.
    await db.user.update({ where: { id: official.id }, data: { role: "PARTNER" } });
    expect((await page.goto("/en/official/api-tokens"))?.status()).toBe(404);
    expect((await page.goto("/en/official"))?.status()).toBe(404);
    await replay(page.request, create, [{ name: unique("after-demotion") }]);
    expect(await tokens()).toBe(1);
    expect((await page.request.get("/api/official/interests/export")).status()).toBe(403);
    expect((await page.request.get("/api/v1/themes", { headers: api })).status()).toBe(403);

    // Promoted back, the same session works again (the refusals were the role's).
    await db.user.update({ where: { id: official.id }, data: { role: "OFFICIAL" } });
    expect((await page.goto("/en/official/api-tokens"))?.status()).toBe(200);

    // Disabled: signed out everywhere at the next request.
    await db.user.update({ where: { id: official.id }, data: { status: "DISABLED" } });
    await page.goto("/en/official/api-tokens");
    await expect(page).toHaveURL(/\/en\/login/);
    await replay(page.request, create, [{ name: unique("after-disable") }]);
    expect(await tokens()).toBe(1);
    expect((await page.request.get("/api/official/interests/export")).status()).toBe(401);
    expect((await page.request.get("/api/v1/themes", { headers: api })).status()).toBe(401);
  });

  test("a session cookie replayed after sign-out opens no route and runs no action", async ({
    page,
    context,
    playwright,
    baseURL,
  }) => {
    // The page part is e2e/auth.spec.ts "a session cookie replayed after logout no longer works".
    test.setTimeout(120_000);
    const db = e2eDb();
    const official = await createUser(db, { role: "OFFICIAL" });
    await signIn(page, official.email, TEST_PASSWORD);
    await page.goto("/en/official/api-tokens");
    await page.getByLabel("Name").fill(unique("before"));
    const create = await captureAction(page, () =>
      page.getByRole("button", { name: "Create token" }).click(),
    );
    await expect(page.getByLabel("Token", { exact: true })).toBeVisible();

    // The same action id without any cookie: refused as UNAUTHENTICATED, nothing created.
    const anonymous = await playwright.request.newContext({ baseURL });
    const refused = await replay(anonymous, create, [{ name: unique("anonymous") }]);
    expect(refused.status()).toBeLessThan(500);
    expect(await refused.text()).toContain('"code":"UNAUTHENTICATED"');
    await anonymous.dispose();
    expect(await db.apiToken.count({ where: { userId: official.id } })).toBe(1);

    const cookies = await context.cookies();
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/notice=signedOut/, NAVIGATION);

    await context.addCookies(cookies);
    expect((await page.request.get("/api/account/export")).status()).toBe(401);
    expect((await page.request.get("/api/official/interests/export")).status()).toBe(401);
    await replay(page.request, create, [{ name: unique("after-signout") }]);
    expect(await db.apiToken.count({ where: { userId: official.id } })).toBe(1);
    await page.goto("/en/official");
    await expect(page).toHaveURL(/\/en\/login/);
  });
});

test.describe("the middleware-bypass header (CVE-2025-29927)", () => {
  const VALUES = [
    "middleware",
    "proxy",
    "src/middleware",
    "src/proxy",
    "middleware:middleware:middleware:middleware:middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    "src/middleware:middleware:middleware:middleware:middleware",
  ];

  test("the proxy still runs and protected pages still need a session", async ({ request }) => {
    for (const value of VALUES) {
      const headers = { "x-middleware-subrequest": value };
      // The language redirect is the proxy's (next-intl) work.
      const root = await request.get("/", { headers, maxRedirects: 0 });
      expect([307, 308], value).toContain(root.status());
      expect(root.headers().location, value).toMatch(/\/(en|zh)$/);

      const home = await request.get("/en", { headers });
      expect(home.status(), value).toBe(200);
      expect(home.headers()["content-security-policy"], value).toContain("nonce-");

      for (const path of ["/en/account", "/en/official", "/en/admin/users", "/zh/organisation"]) {
        const response = await request.get(path, { headers, maxRedirects: 0 });
        expect([303, 307, 308], `${path} ${value}`).toContain(response.status());
        expect(response.headers().location, `${path} ${value}`).toContain("/login");
      }

      const api = await request.get("/api/v1/themes", { headers });
      expect(api.status(), value).toBe(401);
      expect(api.headers()["content-security-policy"], value).toContain("default-src 'none'");
      expect((await request.get("/api/account/export", { headers })).status(), value).toBe(401);
    }
  });
});

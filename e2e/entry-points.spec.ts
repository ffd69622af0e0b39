// Security hardening of every way in, proven over HTTP against the
// production build: the headers of every kind of response, what may be
// cached, the request id, the Origin of state-changing requests (route
// handlers and server actions), body sizes, malformed and hostile input
// (NUL, 100,000 characters, __proto__), and the error and 404 pages in
// both languages, with the database broken and stopped.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { Page, Request } from "@playwright/test";
import pg from "pg";
import { createOrganisation, createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { startAppInstance, startTestDatabase } from "./support/app-instance";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb } from "./support/db";

// HTTP behaviour does not depend on the viewport: this file runs in the desktop project
// only (playwright.config.ts).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EVIL = "https://evil.example";

async function partner() {
  const db = e2eDb();
  const organisation = await createOrganisation(db, { name: unique("Entry Org") });
  const user = await createUser(db, { organisationId: organisation.id });
  return { db, organisation, user };
}

/** An API token for a fresh official, stored as the app stores it (its SHA-256 hash). */
async function apiToken() {
  const db = e2eDb();
  const official = await createUser(db, { role: "OFFICIAL" });
  const token = `bh_${randomBytes(32).toString("base64url")}`;
  await db.apiToken.create({
    data: {
      userId: official.id,
      name: unique("entry"),
      prefix: token.slice(0, 11),
      tokenHash: createHash("sha256").update(token).digest("hex"),
    },
  });
  return { Authorization: `Bearer ${token}` };
}

/** Performs an action in the UI and returns the server-action request it sent. */
async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    act(),
  ]);
  return request;
}

/** Sends a captured server action again with other arguments and headers, as the page's user. */
function replay(page: Page, request: Request, body: string, headers: Record<string, string> = {}) {
  return page.request.post(request.url(), {
    headers: {
      "next-action": request.headers()["next-action"]!,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(request.url()).origin,
      ...headers,
    },
    data: body,
  });
}

/** Collects the Content-Security-Policy violations the page reports. */
function cspViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("headers", () => {
  test("every response carries the security headers: pages, 404s, API answers, files", async ({
    request,
  }) => {
    const home = await request.get("/en");
    const chunk = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await home.text())?.[1];
    expect(chunk).toBeTruthy();
    const responses = {
      page: home,
      "page (zh)": await request.get("/zh/themes/dairy"),
      "404 page": await request.get("/en/does-not-exist"),
      "404 with a dot": await request.get("/zh/x.txt"),
      "404 outside a language": await request.get("/x.txt"),
      "API 200": await request.get("/api/health"),
      "API 401": await request.get("/api/v1/themes"),
      "API 404": await request.get("/api/v1/no-such-thing"),
      "public file": await request.get("/examples/organisations-example.csv"),
      icon: await request.get("/icon.svg"),
      "Next's own file": await request.get(chunk!),
    };
    const expected = {
      page: 200,
      "page (zh)": 200,
      "404 page": 404,
      "404 with a dot": 404,
      "404 outside a language": 404,
      "API 200": 200,
      "API 401": 401,
      "API 404": 404,
      "public file": 200,
      icon: 200,
      "Next's own file": 200,
    };
    for (const [name, response] of Object.entries(responses)) {
      const headers = response.headers();
      expect.soft(response.status(), name).toBe(expected[name as keyof typeof expected]);
      expect.soft(headers["x-content-type-options"], name).toBe("nosniff");
      expect.soft(headers["referrer-policy"], name).toBe("strict-origin-when-cross-origin");
      expect.soft(headers["cross-origin-opener-policy"], name).toBe("same-origin");
      expect.soft(headers["x-frame-options"], name).toBe("DENY");
      expect.soft(headers["permissions-policy"], name).toContain("camera=()");
      expect.soft(headers["strict-transport-security"], name).toMatch(/^max-age=\d{8}/);
      expect.soft(headers["x-powered-by"], name).toBeUndefined();
      const csp = headers["content-security-policy"] ?? "";
      expect.soft(csp, name).toContain("frame-ancestors 'none'");
      const script = csp.split("; ").find((d) => /^(script|default)-src/.test(d)) ?? "";
      expect.soft(script, name).not.toContain("'unsafe-inline'");
      if (name !== "Next's own file") expect.soft(headers["x-request-id"], name).toMatch(UUID);
      if (name.startsWith("API") || name === "Next's own file")
        expect.soft(csp, name).toContain("default-src 'none'");
    }

    // Pages: a fresh nonce each time, the one Next puts on its scripts.
    for (const name of ["page", "404 page", "404 with a dot", "404 outside a language"] as const) {
      const response = responses[name];
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)?.[1];
      expect(nonce, name).toBeTruthy();
      expect(await response.text(), name).toContain(`nonce="${nonce}"`);
    }
    const again = await request.get("/en");
    expect(again.headers()["content-security-policy"]).not.toBe(
      home.headers()["content-security-policy"],
    );
    expect(again.headers()["x-request-id"]).not.toBe(home.headers()["x-request-id"]);
  });

  test("pages and API answers with personal data are never cached", async ({ page }) => {
    const { user } = await partner();
    await signIn(page, user.email, TEST_PASSWORD);
    const account = await page.goto("/en/account");
    expect(account?.status()).toBe(200);
    const cacheControl = account!.headers()["cache-control"]!;
    expect(cacheControl).toContain("private");
    expect(cacheControl).toContain("no-store");

    const exported = await page.request.get("/api/account/export");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["cache-control"]).toBe("private, no-store");

    const matches = await page.request.get("/api/v1/themes/dairy/matches", {
      headers: await apiToken(),
    });
    expect(matches.status()).toBe(200);
    expect(matches.headers()["cache-control"]).toBe("private, no-store");
    const official = await page.request.get("/api/official/imports/none");
    expect(official.headers()["cache-control"]).toBe("private, no-store");
  });
});

test.describe("404 pages", () => {
  test("are styled, in the URL's language, and accessible, with or without a dot in the path", async ({
    page,
  }) => {
    test.slow(); // five pages, each with an axe check
    const violations = cspViolations(page);
    for (const [path, lang, heading] of [
      ["/en/does-not-exist", "en", "Page not found"],
      ["/zh/does-not-exist", "zh-CN", "页面不存在"],
      ["/en/x.txt", "en", "Page not found"],
      ["/zh/report.pdf", "zh-CN", "页面不存在"],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const h1 = page.getByRole("heading", { level: 1, name: heading });
      await expect(h1).toBeVisible();
      // The stylesheet applies (text-3xl: 30px; an unstyled h1 is 32px) and the site's header is there.
      await expect(h1).toHaveCSS("font-size", "30px");
      await expect(page.getByRole("banner")).toBeVisible();
      await expectAccessible(page);
    }
    // Outside any language: the bilingual last resort, styled too (text-2xl: 24px).
    const response = await page.goto("/x.txt");
    expect(response?.status()).toBe(404);
    const h1 = page.getByRole("heading", { level: 1, name: /Page not found · 页面不存在/ });
    await expect(h1).toHaveCSS("font-size", "24px");
    await expectAccessible(page);
    expect(violations).toEqual([]);
  });

  test("an unknown API path answers JSON with the request id", async ({ request }) => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const response = await request.fetch("/api/v1/no-such-thing", { method });
      expect(response.status()).toBe(404);
      const body = await response.json();
      expect(body).toEqual({
        error: { code: "NOT_FOUND", requestId: response.headers()["x-request-id"] },
      });
    }
  });

  test("the benchmarks' reference pages do not exist unless the server is started for them", async ({
    request,
  }) => {
    // lib/performance/bench-floor.ts: only `npm run bench:*` sets BENCH_FLOOR=1.
    for (const path of ["/bench-floor", "/en/bench-floor", "/zh/bench-floor"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain("Bridgehead floor");
    }
  });
});

test.describe("state-changing requests from another site", () => {
  test("a cookie-authenticated route handler refuses them and changes nothing", async ({
    page,
  }) => {
    const db = e2eDb();
    const official = await createUser(db, { role: "OFFICIAL" });
    await signIn(page, official.email, TEST_PASSWORD);
    const runs = () => db.importRun.count({ where: { createdById: official.id } });
    const file = {
      name: "organisations.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("name,type,country,city,description\n"),
    };
    const foreign: Array<Record<string, string>> = [
      { origin: EVIL },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of foreign) {
      const response = await page.request.post("/api/official/imports", {
        headers,
        multipart: { file },
      });
      expect(response.status()).toBe(403);
      const body = await response.json();
      expect(body.error).toEqual({
        code: "FORBIDDEN",
        requestId: response.headers()["x-request-id"],
      });
    }
    expect(await runs()).toBe(0);
    // Control: from the app's own origin the same request reaches the handler.
    const own = await page.request.post("/api/official/imports", {
      headers: { origin: new URL(page.url()).origin },
      multipart: { file },
    });
    expect(own.status()).toBe(202);
    expect(await runs()).toBe(1);
  });

  test("the REST API takes a bearer token only, never the cookie session", async ({ page }) => {
    await signIn(page, DEMO.official, DEMO_PASSWORD);
    const response = await page.request.get("/api/v1/themes");
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
  });

  test("a server action replayed from another site is refused and changes nothing", async ({
    page,
  }) => {
    const { db, organisation, user } = await partner();
    await signIn(page, user.email, TEST_PASSWORD);
    await page.goto("/en/organisation/edit");
    const action = await captureAction(page, () =>
      page.getByRole("button", { name: "Save profile" }).click(),
    );
    const args = JSON.parse(action.postData() ?? "[]") as Array<Record<string, unknown>>;
    const renamed = JSON.stringify([{ ...args[0], name: `${organisation.name} renamed` }]);
    const name = async () =>
      (await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).name;

    for (const headers of [{ origin: EVIL }, { origin: "null" }]) {
      const refused = await replay(page, action, renamed, headers);
      expect(refused.status()).toBe(403);
      expect(await name()).toBe(organisation.name);
    }
    const noOrigin = await page.request.post(action.url(), {
      headers: {
        "next-action": action.headers()["next-action"]!,
        "content-type": "text/plain;charset=UTF-8",
        "sec-fetch-site": "cross-site",
      },
      data: renamed,
    });
    expect(noOrigin.status()).toBe(403);
    expect(await name()).toBe(organisation.name);

    // Control: the same replay from the app's own origin saves, so the refusals above are real.
    expect((await replay(page, action, renamed)).status()).toBe(200);
    expect(await name()).toBe(`${organisation.name} renamed`);
  });
});

test.describe("bodies", () => {
  test("server actions: oversized or unlengthed bodies are refused plainly, never a 500", async ({
    page,
  }) => {
    const { db, organisation, user } = await partner();
    await signIn(page, user.email, TEST_PASSWORD);
    await page.goto("/en/organisation/edit");
    const action = await captureAction(page, () =>
      page.getByRole("button", { name: "Save profile" }).click(),
    );
    const args = JSON.parse(action.postData() ?? "[]") as Array<Record<string, unknown>>;

    // Over the 1 MB limit (next.config.js serverActions.bodySizeLimit).
    const big = JSON.stringify([{ ...args[0], description: "x".repeat(1_100_000) }]);
    const tooLarge = await replay(page, action, big);
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");

    // Streamed without a Content-Length (no browser does this).
    const url = new URL(action.url());
    const cookie = (await page.context().cookies(url.origin))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = http.request(
        url,
        {
          method: "POST",
          headers: {
            "next-action": action.headers()["next-action"]!,
            "content-type": "text/plain;charset=UTF-8",
            origin: url.origin,
            cookie,
            "transfer-encoding": "chunked",
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on("error", reject);
      outgoing.write(big.slice(0, 100_000));
      outgoing.end(big.slice(100_000));
    });
    expect(status).toBe(411);
    const stored = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(stored.description).not.toContain("xxxxxxxxxx");
  });

  test("a 100,000-character text and a NUL: the form says so in the user's language, the server refuses them", async ({
    page,
  }) => {
    test.slow(); // typing 100,000 characters, and several replays
    const { db, organisation, user } = await partner();
    await signIn(page, user.email, TEST_PASSWORD, "zh");
    await page.goto("/zh/organisation/edit");
    const action = await captureAction(page, () =>
      page.getByRole("button", { name: "保存资料" }).click(),
    );
    const args = JSON.parse(action.postData() ?? "[]") as Array<Record<string, unknown>>;
    await page.goto("/zh/organisation/edit");

    const description = page.getByLabel("简介");
    await description.fill("长".repeat(100_000));
    await page.getByRole("button", { name: "保存资料" }).click();
    await expect(page.getByText("请不要超过 3000 个字符。")).toBeVisible();
    await description.fill(`${"我们是一家研究乳制品的机构。".repeat(10)}\u0000`);
    await page.getByRole("button", { name: "保存资料" }).click();
    await expect(page.getByText("文本中包含不允许使用的字符。")).toBeVisible();

    // The server refuses the same values by itself (the browser's check can be skipped).
    const before = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    for (const [value, message] of [
      ["x".repeat(100_000), "tooLong?max=3000"],
      [`${"A dairy research institute. ".repeat(10)}\u0000`, "controlCharacters"],
    ] as const) {
      const response = await replay(
        page,
        action,
        JSON.stringify([{ ...args[0], description: value }]),
      );
      expect(response.status()).toBe(200);
      const text = await response.text();
      expect(text).toContain('"ok":false');
      expect(text).toContain(`"description":"${message}"`);
    }
    const after = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(after.description).toBe(before.description);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  test("NUL in a search parameter or a JSON body, malformed JSON, wrong types: a clear 400 or row error, never a 500", async ({
    page,
    request,
  }) => {
    const authorization = await apiToken();
    // A search parameter, on a page and in the API.
    await signIn(page, DEMO.official, DEMO_PASSWORD);
    const queue = await page.goto("/en/official/interests?q=dairy%00");
    expect(queue?.status()).toBe(400);
    await expect(
      page.getByRole("heading", { name: "This address contains a character that is not allowed." }),
    ).toBeVisible();
    const search = await request.get("/api/v1/opportunities?q=%00", { headers: authorization });
    expect(search.status()).toBe(400);
    expect((await search.json()).error.code).toBe("BAD_REQUEST");

    // JSON bodies: JSON Lines to the import API with a NUL, a __proto__ key, a malformed line.
    const importLines = (body: string) =>
      request.post("/api/v1/organisations/import", {
        headers: { ...authorization, "content-type": "application/x-ndjson" },
        data: body,
      });
    const nul = await importLines('{"name":"Nul\\u0000Org"}\n');
    expect(nul.status()).toBe(422);
    expect((await nul.json()).errors).toContainEqual(
      expect.objectContaining({ field: "name", message: expect.stringMatching(/not allowed/) }),
    );
    const proto = await importLines('{"__proto__":{"isAdmin":true},"name":"Proto Org"}\n');
    expect(proto.status()).toBe(422);
    expect((await proto.json()).errors).toContainEqual(
      expect.objectContaining({ field: "__proto__" }),
    );
    // CSV: through the API (a row error), and uploaded on the import page (a 400, not a 500).
    const csv = "name,type,country,city,description\nNul\u0000Org,SME,DE,Berlin,x\n";
    const csvImport = await request.post("/api/v1/organisations/import", {
      headers: { ...authorization, "content-type": "text/csv" },
      data: csv,
    });
    expect(csvImport.status()).toBe(422);
    expect((await csvImport.json()).errors).toContainEqual(
      expect.objectContaining({ field: "name", message: expect.stringMatching(/not allowed/) }),
    );
    const upload = await page.request.post("/api/official/imports", {
      headers: { origin: new URL(page.url()).origin },
      multipart: {
        file: { name: "nul.csv", mimeType: "text/csv", buffer: Buffer.from(csv) },
      },
    });
    expect(upload.status()).toBe(400);
    expect((await upload.json()).error.code).toBe("BAD_REQUEST");
    const malformed = await importLines('{"name":\n');
    expect(malformed.status()).toBe(422);
    const wrongType = await request.post("/api/v1/organisations/import", {
      headers: { ...authorization, "content-type": "application/json" },
      data: "{}",
    });
    expect(wrongType.status()).toBe(400);
    expect((await wrongType.json()).error).toMatchObject({
      code: "BAD_REQUEST",
      fields: { "Content-Type": expect.any(String) },
    });

    // next-auth's endpoints take forms: JSON, malformed or not, is a 400, not its 500.
    for (const data of ['{"email":', '{"email":"a@b.example"}']) {
      const login = await request.post("/api/auth/callback/credentials", {
        headers: { "content-type": "application/json" },
        data,
      });
      expect(login.status()).toBe(400);
      expect((await login.json()).error.code).toBe("BAD_REQUEST");
    }
  });

  test("a large upload reaches the route whole, a too large one gets 413 JSON", async ({
    request,
  }) => {
    test.slow();
    const authorization = await apiToken();
    const post = (body: Buffer) =>
      request.post("/api/v1/organisations/import", {
        headers: { ...authorization, "content-type": "application/x-ndjson" },
        data: body,
      });
    // 12 MB of blank lines, then one bad line: cut at Next's default 10 MB the
    // file would look empty (400); whole, the bad line is found (422).
    const blank = Buffer.alloc(12 * 1024 * 1024, "\n");
    const whole = await post(Buffer.concat([blank, Buffer.from('{"name":\n')]));
    expect(whole.status()).toBe(422);
    expect((await whole.json()).errors[0].message).toMatch(/not valid JSON/);

    const tooLarge = await post(Buffer.alloc(21 * 1024 * 1024, "\n"));
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

test.describe("error pages", () => {
  test("a failing page and a stopped database: localized messages, a retry button, the request id, 503 JSON with Retry-After", async ({
    page,
  }) => {
    test.setTimeout(300_000); // its own database and app instance
    const database = await startTestDatabase();
    const app = await startAppInstance({
      databaseUrl: database.url,
      env: { JOBS_WORKER: "off", SEED_DEMO: "true" },
    });
    let stopped = false;
    try {
      // Sign in while the database is up.
      await page.goto(`${app.url}/en/login`);
      await page.getByLabel("Email address").fill(DEMO.partner);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).not.toHaveURL(/\/login/);

      // One page's query fails (its table is gone): the page's error boundary.
      const sql = new pg.Client({ connectionString: database.url });
      await sql.connect();
      await sql.query('ALTER TABLE "Theme" RENAME TO "Theme_gone"');
      try {
        for (const [locale, title, retry] of [
          ["en", "Something went wrong", "Try again"],
          ["zh", "出错了", "重试"],
        ] as const) {
          const response = await page.goto(`${app.url}/${locale}/themes/dairy`);
          expect(response?.status()).toBe(500);
          await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
          await expect(page.getByRole("button", { name: retry })).toBeVisible();
          const requestId = response!.headers()["x-request-id"]!;
          await expect(page.locator("code")).toHaveText(requestId);
          expect(await page.content()).not.toMatch(/Theme_gone|relation|at .*\.js:\d+/);
          await expectAccessible(page);
        }
      } finally {
        await sql.query('ALTER TABLE "Theme_gone" RENAME TO "Theme"');
        await sql.end();
      }
      // Retrying after the fault is gone shows the page.
      await page.getByRole("button", { name: "重试" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "出错了" })).toHaveCount(0);

      // The database stops: every page says the service is temporarily unavailable.
      await database.stop();
      stopped = true;
      for (const [locale, title, body] of [
        ["zh", "服务暂时不可用", "服务暂时不可用，请稍后再试。"],
        ["en", "Temporarily unavailable", "Please try again in a moment."],
      ] as const) {
        const response = await page.goto(`${app.url}/${locale}`);
        // The first page load after the stop renders and fails (500, the error page); the
        // process then knows its database is down, and proxy.ts answers the next loads with
        // the same texts as a 503 (e2e/reliability.spec.ts asserts the 503 itself).
        expect([500, 503]).toContain(response?.status());
        await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
        await expect(page.getByText(body)).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute(
          "lang",
          locale === "zh" ? "zh-CN" : "en",
        );
        await expect(page.locator("code")).toHaveText(response!.headers()["x-request-id"]!);
        await expectAccessible(page);
      }

      // A route handler: 503 UNAVAILABLE with Retry-After, the id in the answer and in the log.
      const exported = await page.request.get(`${app.url}/api/account/export`);
      expect(exported.status()).toBe(503);
      expect(Number(exported.headers()["retry-after"])).toBeGreaterThan(0);
      const requestId = exported.headers()["x-request-id"]!;
      expect(await exported.json()).toEqual({ error: { code: "UNAVAILABLE", requestId } });
      const logged = app
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.requestId === requestId);
      expect(logged).toMatchObject({ msg: "database unavailable", level: 50 });
      expect((logged!.err as { stack?: string }).stack).toBeTruthy();
    } finally {
      await app.stop();
      if (!stopped) await database.stop();
    }
  });
});

import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb } from "./support/db";

/** An organisation (consented) with one expression of interest in the dairy theme. */
async function expression(options: { name: string; motivation: string }) {
  const db = e2eDb();
  const dairy = await db.theme.findFirstOrThrow({ where: { slug: "dairy" } });
  const organisation = await db.organisation.create({
    data: {
      name: options.name,
      type: "SME",
      country: "DE",
      description: "Dairy processing and probiotic cultures for yoghurt makers.",
      keywords: ["dairy"],
      languages: ["en", "zh"],
      cooperationTypes: ["JOINT_RD"],
      consentedAt: new Date(),
    },
  });
  return db.expressionOfInterest.create({
    data: {
      organisationId: organisation.id,
      themeId: dairy.id,
      motivation: options.motivation,
      contribution: "Pilot fermentation line and two researchers for six months.",
      timeline: "明年春季启动，为期两年。",
      cooperationType: "JOINT_RD",
    },
  });
}

test.describe("officials' review queue", () => {
  test("an official finds a Chinese expression in the queue and exports exactly that view as CSV", {
    tag: "@phone",
  }, async ({ page }) => {
    test.setTimeout(120_000);
    const name = `北方乳业 ${unique("coop")}`;
    const motivation = "我们希望与呼和浩特的乳企在益生菌菌株筛选方面开展联合研发，并共享中试设备。";
    const interest = await expression({ name, motivation });

    await signIn(page, DEMO.official, DEMO_PASSWORD);
    await page.goto(`/zh/official/interests?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole("heading", { level: 1, name: "审核队列" })).toBeVisible();
    const table = page.getByRole("region", { name: /合作意向列表/ });
    await expect(table.getByRole("link", { name })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(2); // header + the one row
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "导出 CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^interests-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    // A UTF-8 byte-order mark, so that Excel shows the Chinese text.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(bytes, { bom: true });
    expect(records[0]).toEqual(expect.arrayContaining(["编号", "机构", "状态", "合作动机"]));
    expect(records).toHaveLength(2);
    const row = records[1]!;
    expect(row[0]).toBe(interest.id);
    expect(row).toContain(name);
    expect(row).toContain(motivation);
    expect(row).toContain("明年春季启动，为期两年。");
    expect(row).toContain("已提交");
    const dairy = await e2eDb().theme.findFirstOrThrow({ where: { slug: "dairy" } });
    expect(row).toContain(dairy.nameZh);
  });

  test("the queue asks the server for nothing its official does not open (decision 009)", async ({
    page,
  }) => {
    const name = `Prefetch Dairy ${unique("coop")}`;
    const interest = await expression({ name, motivation: "Joint probiotic strain screening." });
    await expression({ name: `${name} B`, motivation: "Shared pilot fermentation line." });
    await signIn(page, DEMO.official, DEMO_PASSWORD);

    // React Server Components requests: prefetches while the queue shows, the navigation later.
    const rsc: string[] = [];
    page.on("request", (request) => {
      if (request.headers().rsc === "1") rsc.push(request.url());
    });
    await page.goto("/en/official/interests");
    const table = page.getByRole("region", { name: /expressions of interest/i });
    await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(table.getByRole("link", { name: `${name} B` })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await table.getByRole("link", { name, exact: true }).hover();
    await page.waitForTimeout(500);
    expect(rsc).toEqual([]);

    // Opening one is a client-side navigation: one request, for that expression.
    await table.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/en/official/interests/${interest.id}$`));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    expect(rsc).toHaveLength(1);
    expect(rsc[0]).toContain(`/en/official/interests/${interest.id}`);
  });

  test("two officials change the same expression: the second is told who changed it, nothing is overwritten", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const db = e2eDb();
    const first = await db.user.findUniqueOrThrow({ where: { email: DEMO.official } });
    const second = await createUser(db, { role: "OFFICIAL", name: unique("Zhao Lei") });
    const interest = await expression({
      name: unique("Alpine Dairy Lab"),
      motivation:
        "We research probiotic strains for yoghurt and want a joint pilot with Hohhot's dairies.",
    });
    const url = `/en/official/interests/${interest.id}`;

    const contextA = await browser.newContext();
    const contextB = await browser.newContext();
    try {
      const a = await contextA.newPage();
      const b = await contextB.newPage();
      await signIn(a, DEMO.official, DEMO_PASSWORD);
      await signIn(b, second.email, TEST_PASSWORD);
      await a.goto(url);
      await b.goto(url);
      await expect(b.getByRole("button", { name: "Start review" })).toBeVisible();
      await expectAccessible(b);

      // A moves it first…
      await a.getByRole("button", { name: "Start review" }).click();
      await expect(a.getByRole("button", { name: "Request information" })).toBeVisible();

      // …B still holds the old version: refused, told who and when.
      await b.getByRole("button", { name: "Start review" }).click();
      const alert = b.getByRole("alert").filter({ hasText: "Reload to see their change." });
      await expect(alert).toContainText(`${first.name} changed this at`);
      const stored = await db.expressionOfInterest.findUniqueOrThrow({
        where: { id: interest.id },
        include: { events: true },
      });
      expect(stored.status).toBe("IN_REVIEW");
      expect(stored.version).toBe(1);
      expect(stored.events.filter((e) => e.kind === "STATUS")).toHaveLength(1);
      expect(stored.events[0]?.actorId).toBe(first.id);

      // Reloading shows A's change and the steps possible from it.
      await alert.getByRole("button", { name: "Reload" }).click();
      await expect(b.getByRole("button", { name: "Request information" })).toBeVisible();
      await expect(b.getByRole("button", { name: "Start review" })).toHaveCount(0);
    } finally {
      await contextA.close();
      await contextB.close();
    }
  });

  test("partners get no queue and no export", async ({ page }) => {
    await signIn(page, DEMO.partner, DEMO_PASSWORD);
    const queue = await page.goto("/en/official/interests");
    expect(queue?.status()).toBe(404);
    const csv = await page.request.get("/api/official/interests/export");
    expect(csv.status()).toBe(403);
  });
});

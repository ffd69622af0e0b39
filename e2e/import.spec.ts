import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb } from "./support/db";

const HEADER = "externalRef,name,type,country,city,website,description,keywords,themes";
const DESCRIPTION =
  "Cluster of dairy farms and cheese makers working on dairy fermentation, probiotic strains, yoghurt and milk quality, with a shared pilot plant.";

function file(rows: string[]) {
  return {
    name: "organisations.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${HEADER}\n${rows.join("\n")}\n`, "utf8"),
  };
}

test("an official imports organisations: errors by row first, then the fixed file", async ({
  page,
}) => {
  // Two uploads, four axe checks and waiting for the scores: longer than one page's test.
  test.setTimeout(180_000);
  const suffix = randomBytes(4).toString("hex");
  const ref = `e2e-${suffix}`;
  const name = `Alpine Dairy Cluster ${suffix}`;
  const good = `${ref},${name},cluster,LI,Vaduz,https://dairy-${suffix}.example.li,"${DESCRIPTION}",dairy;cheese;probiotics,dairy`;
  const bad = `${ref}-2,Zweite Molkerei ${suffix},cluster,US,Vaduz,,"${DESCRIPTION}",dairy,dairy`;
  const fixed = `${ref}-2,Zweite Molkerei ${suffix},cluster,LI,Vaduz,,"${DESCRIPTION}",dairy,dairy`;

  await signIn(page, DEMO.official, DEMO_PASSWORD);
  await page.goto("/en/official/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import organisations" })).toBeVisible();
  await expectAccessible(page);

  // A file with one bad row: the report names the row and column, nothing is created.
  await page.getByLabel("File (CSV or JSON Lines)").setInputFiles(file([good, bad]));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page).toHaveURL(/\/en\/official\/import\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Nothing was imported" })).toBeVisible();
  const report = page.getByRole("table", { name: "Errors by row" });
  const row = report.getByRole("row").filter({ hasText: "country" });
  await expect(row.getByRole("cell").first()).toHaveText("2");
  await expect(row).toContainText("Unknown country");
  await expectAccessible(page);
  const db = e2eDb();
  expect(await db.organisation.count({ where: { externalRef: { startsWith: ref } } })).toBe(0);

  // The fixed file goes in whole.
  await page.getByRole("link", { name: "Import another file" }).click();
  await page.getByLabel("File (CSV or JSON Lines)").setInputFiles(file([good, fixed]));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByText("Imported: 2 organisations created, none updated.")).toBeVisible();
  await expectAccessible(page);
  const created = await db.organisation.findMany({ where: { externalRef: { startsWith: ref } } });
  expect(created.map((o) => o.origin)).toEqual(["IMPORTED", "IMPORTED"]);

  // The recent imports list shows it.
  await page.goto("/en/official/import");
  await expect(
    page.getByRole("table", { name: "The latest imports, newest first" }).getByRole("row").nth(1),
  ).toContainText("Imported");

  // Once scored, the organisation is on the officials' ranked list, marked as imported.
  await expect(async () => {
    await page.goto("/en/official/themes/dairy?country=LI&type=CLUSTER");
    const entry = page.getByRole("rowheader").filter({ hasText: name });
    await expect(entry).toBeVisible({ timeout: 2_000 });
    await expect(entry).toContainText("Imported, not yet registered");
  }).toPass({ timeout: 45_000 });
});

test("partners do not see the import page", async ({ page }) => {
  await signIn(page, DEMO.partner, DEMO_PASSWORD);
  const response = await page.goto("/en/official/import");
  expect(response?.status()).toBe(404);
});

import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";

/** The opportunity rows of the table (not the rows that show an explanation). */
function opportunityRows(page: Page, why = "Why this match"): Locator {
  return page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("button", { name: why }) });
}

async function titles(page: Page): Promise<string[]> {
  const rows = await opportunityRows(page).all();
  return Promise.all(
    rows.map(async (row) => ((await row.getByRole("link").first().textContent()) ?? "").trim()),
  );
}

async function scores(page: Page): Promise<number[]> {
  const rows = await opportunityRows(page).all();
  return Promise.all(
    rows.map(async (row) =>
      Number.parseInt((await row.getByRole("cell").first().textContent()) ?? "", 10),
    ),
  );
}

const initials = (list: string[]) => list.map((t) => t.charAt(0).toLowerCase());

test.describe("suggested for you", () => {
  test("a partner lands on explained matches, sorts, filters, searches and opens why", {
    tag: "@phone",
  }, async ({ page }) => {
    await signIn(page, DEMO.partner, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/en\/matches$/);
    await expect(
      page.getByRole("heading", { level: 2, name: "Themes ranked for you" }),
    ).toBeVisible();

    // All eight themes, ranked; the best one opens to its explanation.
    await expect(page.locator("details")).toHaveCount(8);
    await page.locator("summary").first().click();
    const firstTheme = page.locator("details").first();
    await expect(
      firstTheme.getByRole("heading", { name: "How the score is made up" }),
    ).toBeVisible();
    await expect(firstTheme.getByRole("meter").first()).toBeVisible();

    // Suggested opportunities: best score first.
    await expect(opportunityRows(page).first()).toBeVisible();
    const byScore = await scores(page);
    expect(byScore.length).toBeGreaterThan(1);
    expect(byScore).toEqual([...byScore].sort((a, b) => b - a));
    await expect(page.getByRole("columnheader", { name: "Score" })).toHaveAttribute(
      "aria-sort",
      "descending",
    );

    // Sorting by a header changes the address and the order.
    const before = await titles(page);
    await page.getByRole("button", { name: "Opportunity", exact: true }).click();
    await expect(page).toHaveURL(/[?&]sort=title(&|$)/);
    await expect(page.getByRole("columnheader", { name: "Opportunity" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
    await expect.poll(async () => titles(page)).not.toEqual(before);
    const ascending = initials(await titles(page));
    expect(ascending).toEqual([...ascending].sort());
    await page.getByRole("button", { name: "Opportunity", exact: true }).click();
    await expect(page).toHaveURL(/[?&]dir=desc(&|$)/);
    await expect(page.getByRole("columnheader", { name: "Opportunity" })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    // Descending: sorted the other way (not the first page reversed: other specs may publish
    // opportunities meanwhile, so there can be more than one page).
    await expect
      .poll(async () => {
        const descending = initials(await titles(page));
        return (
          descending.length > 0 && descending.join() === [...descending].sort().reverse().join()
        );
      })
      .toBe(true);

    // A filter: the address keeps it, so the view can be shared.
    await page
      .getByLabel("Theme", { exact: true })
      .selectOption({ label: "Dairy industry R&D and expertise" });
    await expect(page).toHaveURL(/[?&]theme=dairy(&|$)/);
    await expect(page).toHaveURL(/[?&]sort=title(&|$)/);
    await expect.poll(async () => (await titles(page)).length).toBeGreaterThan(0);
    for (const row of await opportunityRows(page).all()) {
      await expect(row).toContainText("Dairy industry R&D and expertise");
    }
    await page.reload();
    await expect(page.getByLabel("Theme", { exact: true })).toHaveValue("dairy");

    // Search, in the same address.
    const word = ((await titles(page))[0] ?? "").split(/\s+/).find((w) => w.length > 5) ?? "";
    await page.getByLabel("Search", { exact: true }).fill(word);
    await page.getByLabel("Search", { exact: true }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(word)}`, "i"));
    await expect(opportunityRows(page).first()).toContainText(word);

    // Back to everything; a row opens to show why it matched.
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).not.toHaveURL(/theme=|q=/);
    const why = page.getByRole("button", { name: "Why this match" }).first();
    await expect(why).toHaveAttribute("aria-expanded", "false");
    await why.click();
    await expect(why).toHaveAttribute("aria-expanded", "true");
    const explanation = page.locator(`#${await why.getAttribute("aria-controls")}`);
    await expect(
      explanation.getByRole("heading", { name: "How the score is made up" }),
    ).toBeVisible();
    await expect(explanation.getByRole("heading", { name: "What matched" })).toBeVisible();
    await expect(explanation.getByText("Your words:").first()).toBeVisible();

    // Each row links to its opportunity and to expressing interest.
    const firstRow = opportunityRows(page).first();
    await expect(firstRow.getByRole("link").first()).toHaveAttribute(
      "href",
      /^\/en\/opportunities\/[a-z0-9-]+$/,
    );
    await expect(firstRow.getByRole("link", { name: "Express interest" })).toHaveAttribute(
      "href",
      /^\/en\/interests\/new\?opportunity=[a-z0-9-]+$/,
    );
    await expectAccessible(page);
  });

  test("an address with invalid values falls back to the defaults, in Chinese too", async ({
    page,
  }) => {
    await signIn(page, DEMO.partner, DEMO_PASSWORD);
    await page.goto("/zh/matches?sort=organisationId&dir=up&theme=nope&coop=X&deadline=7&page=-1");
    await expect(page.getByRole("heading", { level: 2, name: "推荐的合作机会" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "匹配度" })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    await expect(page.getByLabel("主题", { exact: true })).toHaveValue("");
    await expect(opportunityRows(page, "匹配原因").first()).toBeVisible();
    await page.getByRole("button", { name: "匹配原因" }).first().click();
    await expect(page.getByRole("heading", { name: "得分构成" }).first()).toBeVisible();
    await expectAccessible(page);

    // The account menu leads here.
    await page.getByRole("button", { name: "账户菜单" }).click();
    await expect(page.getByRole("link", { name: "为您推荐" })).toHaveAttribute(
      "href",
      "/zh/matches",
    );
  });
});

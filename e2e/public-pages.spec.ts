import { expect, expectAccessible, test } from "./fixtures";

test.describe("public pages in English", () => {
  test("home shows Hohhot's figures, themes and how partnering works", { tag: "@phone" }, async ({
    page,
  }) => {
    await page.goto("/en");
    await expect(page).toHaveTitle(/Hohhot/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(
      page.getByRole("heading", { level: 1, name: "Partner with Hohhot" }),
    ).toBeVisible();
    await expect(page.getByText("3,446,100")).toBeVisible();
    const figures = page.getByRole("region", { name: "Hohhot in figures" });
    await expect(figures.getByText("400 km")).toBeVisible();
    await expect(figures.getByText("RMB 89,000")).toBeVisible();
    await expect(figures.getByText("RMB 14.7 billion")).toBeVisible();
    await expect(figures.getByText("RMB 8.328 billion")).toBeVisible();
    await expect(figures.getByText("11.2%")).toBeVisible();
    await expect(figures.getByText("4.3%")).toBeVisible();
    const themes = page.getByRole("region", { name: "What Hohhot is looking for in Europe" });
    await expect(themes.getByRole("link")).toHaveCount(8);
    await expect(
      themes.getByRole("link", { name: "Dairy industry R&D and expertise" }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "How partnering works" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a theme page lists its open opportunities, and one opens", { tag: "@phone" }, async ({
    page,
  }) => {
    await page.goto("/en");
    await page.getByRole("link", { name: "Dairy industry R&D and expertise" }).click();
    await expect(page).toHaveURL(/\/en\/themes\/dairy$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Dairy/);
    await expect(
      page.getByRole("region", { name: "Keywords" }).getByText("probiotics"),
    ).toBeVisible();
    const list = page.getByRole("region", { name: "Open opportunities" });
    await expect(list.getByRole("listitem")).not.toHaveCount(0);
    await expectAccessible(page);

    const first = list.getByRole("link").first();
    const title = (await first.textContent()) ?? "";
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByText("Technology readiness")).toBeVisible();
    await expectAccessible(page);
  });

  test("drafts are not public and unknown pages say so", { tag: "@phone" }, async ({ page }) => {
    const draft = await page.goto("/en/opportunities/urban-ag-water-saving");
    expect(draft?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const missing = await page.goto("/en/themes/no-such-theme");
    expect(missing?.status()).toBe(404);
    await expectAccessible(page);
  });
});

test.describe("public pages in Chinese", () => {
  test("home in Chinese counts in 万 and 亿", { tag: "@phone" }, async ({ page }) => {
    await page.goto("/zh");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1, name: "携手呼和浩特" })).toBeVisible();
    await expect(page.getByText("344.61万人")).toBeVisible();
    const figures = page.getByRole("region", { name: "数说呼和浩特" });
    await expect(figures.getByText("147亿元")).toBeVisible();
    await expect(figures.getByText("83.28亿元")).toBeVisible();
    await expect(figures.getByText("400公里")).toBeVisible();
    await expect(page.getByRole("link", { name: "乳业研发与专家合作" })).toBeVisible();
    await expectAccessible(page);
  });

  test("theme and opportunity pages in Chinese", { tag: "@phone" }, async ({ page }) => {
    await page.goto("/zh/themes/dairy");
    await expect(page.getByRole("heading", { level: 1, name: "乳业研发与专家合作" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "关键词" }).getByText("益生菌", { exact: true }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("region", { name: "开放的合作机会" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/zh\/opportunities\//);
    await expect(page.getByText("技术成熟度")).toBeVisible();
    await expectAccessible(page);
  });

  test("the language switcher keeps the page", { tag: "@phone" }, async ({ page }) => {
    await page.goto("/en/themes/dairy");
    await page.getByRole("link", { name: "阅读中文版" }).click();
    await expect(page).toHaveURL(/\/zh\/themes\/dairy$/);
    await expect(page.getByRole("heading", { level: 1, name: "乳业研发与专家合作" })).toBeVisible();
    await page.getByRole("link", { name: "Read in English" }).click();
    await expect(page).toHaveURL(/\/en\/themes\/dairy$/);
  });

  test("the root redirects to a language", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/(en|zh)$/);
  });
});

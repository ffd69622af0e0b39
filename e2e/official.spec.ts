import { rescoreOrganisation } from "@/lib/matching/engine";
import { unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb } from "./support/db";

test.describe("officials' partners and coverage", () => {
  test("an official reads the coverage in Chinese, a theme's ranked partners, filters them and opens a why", {
    tag: "@phone",
  }, async ({ page }) => {
    test.setTimeout(120_000);
    const db = e2eDb();
    const dairy = await db.theme.findFirstOrThrow({ where: { slug: "dairy" } });
    // Officials see organisations that consented or were imported: add an
    // imported one (nobody has registered it) and score it for real.
    const name = unique("Steppe Dairy Institute");
    const organisation = await db.organisation.create({
      data: {
        name,
        type: "RESEARCH_INSTITUTE",
        country: "LU",
        origin: "IMPORTED",
        description:
          "Applied research on dairy processing, cheese ripening, probiotic lactic acid bacteria and raw milk quality for small dairies.",
        keywords: ["dairy", "cheese", "probiotics", "raw milk"],
        languages: ["en", "zh"],
        cooperationTypes: ["JOINT_RD", "EXPERT_EXCHANGE"],
        lastConfirmedAt: new Date(),
        themes: { create: [{ themeId: dairy.id }] },
      },
    });
    await rescoreOrganisation(db, organisation.id);
    const stored = await db.matchScore.findUniqueOrThrow({
      where: {
        organisationId_targetKind_targetId: {
          organisationId: organisation.id,
          targetKind: "THEME",
          targetId: dairy.id,
        },
      },
    });
    expect(stored.score).toBeGreaterThanOrEqual(50);

    // Officials land on the coverage view.
    await signIn(page, DEMO.official, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/en\/official$/);

    await page.goto("/zh/official");
    await expect(page.getByRole("heading", { level: 1, name: "合作伙伴与覆盖情况" })).toBeVisible();
    const themesTable = page.getByRole("table", { name: /各主题中得分达到/ });
    await expect(themesTable).toBeVisible();
    await expect(page.getByRole("table", { name: /各已发布合作机会中/ })).toBeVisible();
    // Weak coverage is said in words, not colour alone.
    await expect(
      themesTable
        .getByText(/合作伙伴不足|覆盖良好/)
        .filter({ visible: true })
        .first(),
    ).toBeVisible();
    await expectAccessible(page);

    // The user menu leads here too.
    await page.getByRole("button", { name: "账户菜单" }).click();
    await expect(page.getByRole("link", { name: "合作伙伴与覆盖情况" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("link", { name: "合作伙伴与覆盖情况" })).toBeHidden();

    // A theme's ranked list.
    await themesTable.getByRole("link", { name: dairy.nameZh, exact: true }).click();
    await expect(page).toHaveURL(/\/zh\/official\/themes\/dairy$/);
    await expect(page.getByRole("heading", { level: 1, name: dairy.nameZh })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /共\d+家机构/ })).toBeVisible();
    await expectAccessible(page);

    // Filtering happens on the server; the address keeps the filter.
    await page.getByLabel("国家").selectOption({ label: "卢森堡" });
    await page.getByLabel("最低匹配分").fill("50");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/\/zh\/official\/themes\/dairy\?country=LU&min=50$/);
    await expect(page.getByLabel("国家")).toHaveValue("LU");
    const organisationCell = page.getByRole("rowheader", { name: new RegExp(name) });
    await expect(organisationCell).toBeVisible();
    await expect(organisationCell.getByText("外部导入，尚未注册")).toBeVisible();
    await expect(page.getByRole("row").filter({ has: organisationCell })).toContainText("卢森堡");

    // Why it matches, in a disclosure below the row.
    const why = page.locator("summary").filter({ hasText: `${name}的匹配理由` });
    await why.click();
    const explanation = page.locator("details[open]").filter({ has: why });
    await expect(explanation.getByRole("heading", { name: "得分构成" })).toBeVisible();
    await expectAccessible(page);

    // A filter nobody meets says so.
    await page.getByLabel("最低匹配分").fill("100");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await expect(page).toHaveURL(/country=LU&min=100$/);
    await expect(page.getByText("没有符合筛选条件的机构。")).toBeVisible();
  });

  test("partners do not see the officials' pages", async ({ page }) => {
    await signIn(page, DEMO.partner, DEMO_PASSWORD);
    for (const path of ["/en/official", "/en/official/themes/dairy", "/zh/official"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });
});

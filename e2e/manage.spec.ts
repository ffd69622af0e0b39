import { rescoreOrganisation } from "@/lib/matching/engine";
import { unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb, latestEmail, linkIn } from "./support/db";

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test.describe("officials manage opportunities, keywords and invitations", () => {
  test("an official creates and publishes an opportunity in Chinese; it is public in English", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const titleEn = unique("Cold chain monitoring for dairy exports");
    await signIn(page, DEMO.official, DEMO_PASSWORD, "zh");

    await page.goto("/zh/official/manage");
    await expect(page.getByRole("heading", { level: 1, name: "管理合作机会" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "新建合作机会" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "新建合作机会" })).toBeVisible();
    await expectAccessible(page);

    // Publishing with nothing filled in names the fields, in Chinese.
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await expect(page.getByText("请至少选择一项。")).toBeVisible();

    await page.getByLabel("中文标题").fill("乳制品出口冷链监测合作");
    await page.getByLabel("发布单位（中文）").fill("呼和浩特乳业集团");
    await page
      .getByLabel("中文描述")
      .fill(
        "寻求欧洲合作伙伴共同开展乳制品出口冷链监测，覆盖从牧场到港口的全过程，并提供传感器、数据平台和人员培训方面的支持。",
      );
    await page.getByLabel("英文标题").fill(titleEn);
    await page.getByLabel("发布单位（英文）").fill("Hohhot Dairy Group");
    await page
      .getByLabel("英文描述")
      .fill(
        "We seek a European partner to monitor the cold chain of dairy exports from farm to port, with sensors, a data platform and staff training.",
      );
    await page.getByLabel("主题").selectOption({ label: "乳业研发与专家合作" });
    await page.getByLabel("发布单位类型").selectOption({ label: "企业" });
    await page.getByRole("checkbox", { name: "联合研发" }).check();
    await page.getByLabel("最低等级").selectOption("4");
    await page.getByLabel("最高等级").selectOption("7");
    await page.getByLabel("截止日期").fill(inDays(60));
    await page.getByRole("button", { name: "发布", exact: true }).click();

    await expect(page).toHaveURL(/\/zh\/official\/manage\/[^/]+\/edit\?saved=published$/);
    await expect(page.getByText("已发布。该合作机会已在公开网站上线")).toBeVisible();
    await expectAccessible(page);

    const stored = await e2eDb().opportunity.findFirstOrThrow({ where: { titleEn } });
    expect(stored).toMatchObject({ status: "PUBLISHED", trlMin: 4, trlMax: 7 });
    expect(stored.publishedAt).not.toBeNull();
    const audit = await e2eDb().auditLog.findFirst({
      where: { entityType: "Opportunity", entityId: stored.id, action: "opportunity.publish" },
    });
    expect(audit).not.toBeNull();

    await page.goto(`/en/opportunities/${stored.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: titleEn })).toBeVisible();

    // It is in the officials' list, published.
    await page.goto("/zh/official/manage?status=PUBLISHED");
    await expect(page.getByRole("link", { name: "乳制品出口冷链监测合作" }).first()).toBeVisible();
  });

  test("an official edits a theme's keywords", async ({ page }) => {
    test.setTimeout(120_000);
    // Runs in the desktop project only (playwright.config.ts): no other test edits this theme.
    const slug = "chemicals-new-materials";
    const keyword = unique("kw");
    await signIn(page, DEMO.official, DEMO_PASSWORD, "zh");
    await page.goto(`/zh/official/themes/${slug}`);
    await page.getByRole("link", { name: "编辑本主题的匹配关键词" }).click();
    await expect(page).toHaveURL(new RegExp(`/zh/official/themes/${slug}/keywords$`));
    await expectAccessible(page);

    const english = page.getByLabel("英文关键词");
    const before = await english.inputValue();
    await english.fill(`${before}\n${keyword}\n${keyword.toUpperCase()}`);
    await page.getByRole("button", { name: "保存关键词" }).click();
    await expect(page.getByText("关键词已保存。系统正在重新计算")).toBeVisible();

    const theme = await e2eDb().theme.findFirstOrThrow({ where: { slug } });
    expect(theme.keywordsEn.filter((k) => k.toLowerCase() === keyword)).toEqual([keyword]);
  });

  test("an official invites an organisation from a ranked list; its member gets the email", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const db = e2eDb();
    const dairy = await db.theme.findFirstOrThrow({ where: { slug: "dairy" } });
    const name = unique("Reykjavik Dairy Lab");
    const organisation = await db.organisation.create({
      data: {
        name,
        type: "RESEARCH_INSTITUTE",
        country: "IS",
        description:
          "Applied research on dairy processing, cheese ripening, probiotic lactic acid bacteria and raw milk quality for small dairies.",
        keywords: ["dairy", "cheese", "probiotics", "raw milk"],
        languages: ["en"],
        cooperationTypes: ["JOINT_RD", "EXPERT_EXCHANGE"],
        consentedAt: new Date(),
        lastConfirmedAt: new Date(),
        themes: { create: [{ themeId: dairy.id }] },
      },
    });
    const email = `${unique("member")}@lab.test.example`;
    await db.user.create({
      data: {
        email,
        name: "Sigrún Jónsdóttir",
        organisationId: organisation.id,
        emailVerifiedAt: new Date(),
        locale: "zh",
      },
    });
    await rescoreOrganisation(db, organisation.id);

    await signIn(page, DEMO.official, DEMO_PASSWORD, "zh");
    await page.goto("/zh/official/themes/dairy?country=IS");
    await page.getByRole("button", { name: `邀请${name}提交合作意向` }).click();
    await expect(page.getByText(`确定向${name}的 1 位成员发送邮件`)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "发送邀请" }).click();
    await expect(page.getByText("邀请已发送给 1 位成员。")).toBeVisible();

    const message = await latestEmail(email, "interest-invitation");
    expect(message.subject).toContain("乳业研发与专家合作");
    expect(linkIn(message.text, "/zh/interests/new")).toBe("/zh/interests/new?theme=dairy");

    // The next visit shows the date instead of the button.
    await page.reload();
    await expect(page.getByText(/已于 .+ 邀请/).first()).toBeVisible();
    await expect(page.getByRole("button", { name: `邀请${name}提交合作意向` })).toHaveCount(0);
  });

  test("partners do not find the management pages", async ({ page }) => {
    await signIn(page, DEMO.partner, DEMO_PASSWORD);
    for (const path of ["/en/official/manage", "/en/official/manage/new"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    }
  });
});

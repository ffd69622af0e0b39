import { expect, expectAccessible, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";

// An official creates an API token on the Chinese page, a program uses it,
// then the official revokes it and the program is refused.
test("an official creates, uses and revokes an API token", async ({ page, request }) => {
  test.slow(); // sign-in, axe, the API and a reload: longer than most specs
  await signIn(page, DEMO.official, DEMO_PASSWORD, "zh");
  await page.goto("/zh/official/api-tokens");
  await expect(page.getByRole("heading", { level: 1, name: "API 令牌" })).toBeVisible();

  const name = `e2e ${test.info().project.name} ${Date.now()}`;
  await page.getByLabel("名称").fill(name);
  await page.getByRole("button", { name: "创建令牌" }).click();
  await expect(page.getByRole("heading", { name: `您的新令牌“${name}”` })).toBeVisible();
  await expect(page.getByText("令牌不会再次显示")).toBeVisible();
  const token = await page.getByLabel("令牌", { exact: true }).inputValue();
  expect(token).toMatch(/^bh_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  const authorization = { Authorization: `Bearer ${token}` };
  const themes = await request.get("/api/v1/themes", { headers: authorization });
  expect(themes.status()).toBe(200);
  expect(themes.headers()["cache-control"]).toBe("private, no-store");
  const body = await themes.json();
  expect(body.data.length).toBeGreaterThan(0);
  expect(body.data[0]).toEqual(expect.objectContaining({ slug: expect.any(String) }));

  // The token is shown once: after a reload only its prefix is left.
  await page.getByRole("button", { name: "我已保存" }).click();
  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  const list = page.getByRole("list", { name: /^您的令牌/ });
  const row = list.getByRole("listitem").filter({ hasText: name });
  await expect(row.getByText(`${token.slice(0, 11)}…`)).toBeVisible();

  await row.getByRole("button", { name: `撤销令牌“${name}”` }).click();
  await row.getByRole("button", { name: "确认撤销" }).click();
  await expect(row.getByText("已撤销")).toBeVisible();

  const refused = await request.get("/api/v1/themes", { headers: authorization });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer/);
  expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");
});

test("partners do not find the page and the OpenAPI document is public", async ({
  page,
  request,
}) => {
  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect((await document.json()).openapi).toBe("3.1.0");
  expect((await request.get("/api/v1/themes")).status()).toBe(401);

  await signIn(page, DEMO.partner, DEMO_PASSWORD, "en");
  const response = await page.goto("/en/official/api-tokens");
  expect(response?.status()).toBe(404);
});

import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "hohhot-demo-2026";
export const DEMO = {
  partner: "partner@bridgehead.example",
  official: "official@bridgehead.example",
  admin: "admin@bridgehead.example",
};

const TEXT = {
  en: { email: "Email address", password: "Password", submit: "Sign in" },
  zh: { email: "电子邮箱", password: "密码", submit: "登录" },
};

/** Signs in through the login page and waits until the app has moved on. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  locale: "en" | "zh" = "en",
) {
  const text = TEXT[locale];
  await page.goto(`/${locale}/login`);
  await page.getByLabel(text.email).fill(email);
  await page.getByLabel(text.password).fill(password);
  await page.getByRole("button", { name: text.submit, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

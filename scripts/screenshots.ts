// npm run screenshots -- [baseURL]: full-page screenshots of the key pages in
// both languages on a phone and a desktop viewport, into screenshots/.
// SHOT_PATHS=/a,/b picks the pages; SHOT_AS=<email> signs in first (demo
// password, or SHOT_PASSWORD).
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const paths = (
  process.env.SHOT_PATHS ?? "/,/themes/dairy,/opportunities/dairy-probiotic-strains"
).split(",");
const viewports = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } };
const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

mkdirSync("screenshots", { recursive: true });
const browser = await chromium.launch({ executablePath });
for (const [name, viewport] of Object.entries(viewports)) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  // A development server compiles each page on first visit: give it time.
  page.setDefaultTimeout(120_000);
  if (process.env.SHOT_AS) {
    await page.goto(`${base}/en/login`);
    await page.getByLabel("Email address").fill(process.env.SHOT_AS);
    await page.getByLabel("Password").fill(process.env.SHOT_PASSWORD ?? "hohhot-demo-2026");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith("/login"));
  }
  for (const locale of ["en", "zh"]) {
    for (const path of paths) {
      await page.goto(`${base}/${locale}${path === "/" ? "" : path}`, { waitUntil: "networkidle" });
      const file = `screenshots/${name}-${locale}${path.replaceAll("/", "_") || "_home"}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      // Long pages also in viewport-sized parts, readable at a glance.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const part = viewport.height * 1.5;
      for (let y = 0, i = 1; y < height && i <= 6; y += part, i++) {
        const clip = { x: 0, y, width: viewport.width, height: Math.min(part, height - y) };
        await page.screenshot({
          path: file.replace(".png", `.part${i}.png`),
          fullPage: true,
          clip,
        });
      }
    }
  }
  await page.close();
}
await browser.close();

import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Offline machines use Debian's Chromium; elsewhere `npx playwright install chromium` works too.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) =>
  existsSync(p),
);

/** Specs about HTTP, security and running instances: the viewport changes nothing. */
const PHONE_NEVER = [
  "api.spec.ts",
  "entry-points.spec.ts",
  "reliability.spec.ts",
  "scale-out.spec.ts",
  "security-*.spec.ts",
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // Two projects, split to keep CI short (ARCHITECTURE.md, "Tests"):
  // - desktop runs every spec, so every page's axe check runs at least once.
  // - phone runs only the tests tagged @phone: what differs on a narrow screen
  //   (the menus, tables that become cards: the partner matches page, the
  //   officials' partners and queue, the audit log; the public pages) with
  //   their axe checks, and one complete journey (interest-path) at phone size.
  //   The HTTP-only and instance specs (PHONE_NEVER) test behaviour that does
  //   not depend on the viewport: they never run in it, whatever their tags.
  // A new test that checks a layout difference gets `{ tag: "@phone" }`.
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    {
      name: "phone",
      use: { ...devices["Pixel 7"] },
      grep: /@phone/,
      testIgnore: PHONE_NEVER,
    },
  ],
  webServer: {
    // The production build on its own, fresh embedded database (seeded with the demo data).
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/en`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: { PORT: String(PORT) },
    stdout: "pipe",
  },
});

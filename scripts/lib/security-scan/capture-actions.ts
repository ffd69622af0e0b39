// For scripts/security-scan.sh: submits a few forms in a real browser and
// records the server-action request each one sends (POST with a Next-Action
// header and the form's values as a JSON body) as a raw HTTP request file for
// `sqlmap -r`, with the string fields of the body marked as injection points
// ("*"). sqlmap's --forms cannot do this: the forms are React forms
// whose values travel as JSON, not as an HTML form post.
//
// Environment: SCAN_BASE (http://127.0.0.1:PORT), SCAN_PARTNER_COOKIE and
// SCAN_OFFICIAL_COOKIE (Cookie headers), SCAN_OUT (directory for <name>.txt).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type BrowserContext, chromium, type Page, type Request } from "@playwright/test";

const base = required("SCAN_BASE");
const out = required("SCAN_OUT");
const cookies = {
  partner: required("SCAN_PARTNER_COOKIE"),
  official: required("SCAN_OFFICIAL_COOKIE"),
  none: "",
};

type Capture = {
  name: string;
  as: keyof typeof cookies;
  /** Opens the form and submits it; the first server-action POST after that is recorded. */
  submit(page: Page): Promise<void>;
};

const CAPTURES: Capture[] = [
  {
    name: "forgot-password",
    as: "none",
    async submit(page) {
      await page.goto(`${base}/en/forgot-password`);
      await page.getByLabel("Email address").fill("someone@example.org");
      await page.getByRole("button", { name: "Send link" }).click();
    },
  },
  {
    // The partner's organisation profile: every free-text field of the organisation.
    name: "organisation-profile",
    as: "partner",
    async submit(page) {
      await page.goto(`${base}/en/organisation/edit`);
      await page.getByRole("button", { name: "Save profile" }).click();
    },
  },
  {
    // An official edits an opportunity (the version it read is part of the body).
    name: "opportunity-edit",
    as: "official",
    async submit(page) {
      await page.goto(`${base}/en/official/manage`);
      const href = await page
        .locator('a[href*="/official/manage/"][href$="/edit"]')
        .first()
        .getAttribute("href");
      if (!href) throw new Error("no opportunity to edit on /en/official/manage");
      await page.goto(new URL(href, base).toString());
      await page.getByRole("button", { name: /^Save/ }).first().click();
    },
  },
];

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function cookieList(header: string) {
  const { hostname } = new URL(base);
  return header
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf("=");
      return { name: pair.slice(0, i), value: pair.slice(i + 1), domain: hostname, path: "/" };
    });
}

/**
 * Marks the string fields of the action's argument objects as injection
 * points for sqlmap (`[{"email":"a@b.c*"}]`). Array elements (keywords,
 * enum lists) are left alone: marking each would multiply the scan's time,
 * and they take the same path to the database as the fields beside them.
 */
function markStrings(body: string): string {
  const args = JSON.parse(body) as unknown[];
  const marked = args.map((arg) =>
    arg && typeof arg === "object" && !Array.isArray(arg)
      ? Object.fromEntries(
          Object.entries(arg).map(([k, v]) => [k, typeof v === "string" ? `${v}*` : v]),
        )
      : arg,
  );
  return JSON.stringify(marked);
}

async function rawRequest(request: Request): Promise<string> {
  const url = new URL(request.url());
  const headers = await request.allHeaders();
  const body = request.postData() ?? "";
  const lines = [`${request.method()} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(headers)) {
    if (/^(host|content-length|connection|accept-encoding)$/i.test(name) || name.startsWith(":"))
      continue;
    lines.push(`${name}: ${value}`);
  }
  return `${lines.join("\r\n")}\r\n\r\n${markStrings(body)}`;
}

async function capture(context: BrowserContext, item: Capture): Promise<string> {
  const page = await context.newPage();
  try {
    const recorded = page.waitForRequest(
      (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
      { timeout: 30_000 },
    );
    // Should the form fail first, the wait is abandoned: no unhandled rejection.
    recorded.catch(() => {});
    await item.submit(page);
    return await rawRequest(await recorded);
  } finally {
    await page.close();
  }
}

const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) =>
  existsSync(p),
);
const browser = await chromium.launch({ executablePath });
mkdirSync(out, { recursive: true });
let failures = 0;
try {
  for (const item of CAPTURES) {
    const context = await browser.newContext();
    try {
      if (cookies[item.as]) await context.addCookies(cookieList(cookies[item.as]));
      const file = path.join(out, `${item.name}.txt`);
      writeFileSync(file, await capture(context, item));
      console.log(`recorded ${item.name} -> ${file}`);
    } catch (error) {
      failures++;
      console.error(`could not record ${item.name}:`, error);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}
process.exitCode = failures ? 1 : 0;

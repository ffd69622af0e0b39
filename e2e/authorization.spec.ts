// Authorization, proven over HTTP against the production build: pages,
// server actions replayed with another organisation's ids or extra fields,
// the API, disabled accounts, and partners on staff pages and actions.
import type { Page, Request } from "@playwright/test";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { createOrganisation, createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { expect, test } from "./fixtures";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/auth";
import { e2eDb } from "./support/db";

async function twoOrganisations() {
  const db = e2eDb();
  const orgA = await createOrganisation(db, { name: unique("Alpha Org") });
  const orgB = await createOrganisation(db, { name: unique("Beta Org") });
  const userA = await createUser(db, { organisationId: orgA.id });
  const userB = await createUser(db, { organisationId: orgB.id });
  return { db, orgA, orgB, userA, userB };
}

/** Performs an action in the UI and returns the server-action request it sent. */
async function captureAction(page: Page, act: () => Promise<void>): Promise<Request> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    act(),
  ]);
  return request;
}

/** Sends a captured server action again, with other arguments, as the page's signed-in user. */
async function replay(page: Page, request: Request, args: unknown[]) {
  const headers = request.headers();
  return page.request.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(request.url()).origin,
    },
    data: JSON.stringify(args),
  });
}

test.describe("organisations are separated", () => {
  test("a member of B sees only B, and replaying B's save with A's id or a role changes nothing", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { db, orgA, orgB, userB } = await twoOrganisations();
    await signIn(page, userB.email, TEST_PASSWORD);
    await page.goto("/en/organisation");
    await expect(page.getByRole("heading", { level: 1, name: orgB.name })).toBeVisible();
    await expect(page.getByText(orgA.name)).toHaveCount(0);

    await page.goto("/en/organisation/edit");
    const request = await captureAction(page, () =>
      page.getByRole("button", { name: "Save profile" }).click(),
    );
    const original = JSON.parse(request.postData() ?? "[]") as Array<Record<string, unknown>>;
    expect(original[0]).toBeTruthy();

    for (const extra of [{ organisationId: orgA.id }, { id: orgA.id }, { role: "ADMIN" }]) {
      const response = await replay(page, request, [
        { ...original[0], name: "Hijacked", ...extra },
      ]);
      expect(response.status()).toBeLessThan(500);
    }
    expect((await db.organisation.findUniqueOrThrow({ where: { id: orgA.id } })).name).toBe(
      orgA.name,
    );
    expect((await db.organisation.findUniqueOrThrow({ where: { id: orgB.id } })).name).toBe(
      orgB.name,
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: userB.id } })).role).toBe("PARTNER");

    // Control: the same replay without the extra field does save, so the refusals above are real.
    const renamed = `${orgB.name} renamed`;
    await replay(page, request, [{ ...original[0], name: renamed }]);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: orgB.id } })).name).toBe(
      renamed,
    );
    expect((await db.organisation.findUniqueOrThrow({ where: { id: orgA.id } })).name).toBe(
      orgA.name,
    );
  });

  test("revoking A's invitation with B's replayed action fails; the export holds only B's data", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { db, orgA, orgB, userA, userB } = await twoOrganisations();
    const invitation = (organisationId: string, invitedById: string) =>
      db.invitation.create({
        data: {
          email: `${unique("invitee")}@test.example`,
          role: "PARTNER",
          organisationId,
          invitedById,
          tokenHash: hashToken(newToken().token),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
    const invitationA = await invitation(orgA.id, userA.id);
    const invitationB = await invitation(orgB.id, userB.id);

    await signIn(page, userB.email, TEST_PASSWORD);
    await page.goto("/en/organisation/members");
    await expect(page.getByText(invitationA.email)).toHaveCount(0);
    const request = await captureAction(page, () =>
      page.getByRole("button", { name: `Revoke the invitation to ${invitationB.email}` }).click(),
    );
    const args = JSON.parse(request.postData() ?? "[]") as unknown[];
    const replayed = JSON.parse(
      JSON.stringify(args).replaceAll(invitationB.id, invitationA.id),
    ) as unknown[];
    await replay(page, request, replayed);
    expect(
      (await db.invitation.findUniqueOrThrow({ where: { id: invitationA.id } })).revokedAt,
    ).toBeNull();

    const exported = await page.request.get("/api/account/export");
    expect(exported.status()).toBe(200);
    const body = await exported.text();
    expect(body).toContain(orgB.name);
    expect(body).not.toContain(orgA.name);
    expect(body).not.toContain(userA.email);
  });
});

test.describe("accounts and roles", () => {
  test("a disabled user's existing session stops working at the next request", async ({ page }) => {
    const { db, orgB, userB } = await twoOrganisations();
    await signIn(page, userB.email, TEST_PASSWORD);
    await page.goto("/en/organisation");
    await expect(page.getByRole("heading", { level: 1, name: orgB.name })).toBeVisible();
    await db.user.update({ where: { id: userB.id }, data: { status: "DISABLED" } });
    await page.goto("/en/organisation");
    await expect(page).toHaveURL(/\/en\/login/);
    expect((await page.request.get("/api/account/export")).status()).toBe(401);
  });

  test("a partner reaches no official or admin page, and replayed admin actions do nothing", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const db = e2eDb();
    const target = await createUser(db, { role: "OFFICIAL" });

    // An admin's real "disable" action, captured…
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, DEMO.admin, DEMO_PASSWORD);
    await admin.goto(`/en/admin/users?q=${encodeURIComponent(target.email)}`);
    const disableRequest = await captureAction(admin, async () => {
      await admin.getByRole("button", { name: `Disable the account of ${target.name}` }).click();
      await admin.getByRole("button", { name: "Yes, disable" }).click();
    });
    await expect
      .poll(async () => (await db.user.findUniqueOrThrow({ where: { id: target.id } })).status)
      .toBe("DISABLED");
    await db.user.update({ where: { id: target.id }, data: { status: "ACTIVE" } });
    const args = JSON.parse(disableRequest.postData() ?? "[]") as unknown[];
    await adminContext.close();

    // …replayed by a partner.
    await signIn(page, DEMO.partner, DEMO_PASSWORD);
    for (const path of ["/en/admin/users", "/en/admin/outbox", "/zh/admin/users"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await replay(page, disableRequest, args);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");

    // And without any session at all.
    const anonymous = await browser.newContext();
    const anonPage = await anonymous.newPage();
    await replay(anonPage, disableRequest, args);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
    await anonymous.close();
  });
});

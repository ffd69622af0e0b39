// Expressions of interest, the partner's side: submitting from an opportunity
// page (a double click makes one expression), "My interests" with its
// timeline, the bell after an official's change, answering a question and
// withdrawing. Each test makes its own organisation and partner, so the
// desktop and phone projects never share an expression. The official's part
// is written straight to the database here (the cross-role path through the
// review pages is tested in e2e/review.spec.ts and by the lead).
import { createOrganisation, createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

// Server renders can take a while on a busy machine: room for the navigations.
test.slow();
const NAVIGATION = { timeout: 30_000 };

const MOTIVATION =
  "Our institute has run probiotic yoghurt pilots with dairy cooperatives in Bavaria and would like to adapt them to Inner Mongolian raw milk.";

async function newPartner() {
  const db = e2eDb();
  const organisation = await createOrganisation(db, { name: unique("Interest Org") });
  const user = await createUser(db, { organisationId: organisation.id, name: unique("Partner") });
  return { organisation, user };
}

/** A published opportunity that is still open (no deadline, or one well ahead). */
async function openOpportunity() {
  const opportunity = await e2eDb().opportunity.findFirst({
    where: {
      status: "PUBLISHED",
      OR: [{ deadline: null }, { deadline: { gte: new Date(Date.now() + 7 * 86_400_000) } }],
    },
    orderBy: { slug: "asc" },
  });
  if (!opportunity) throw new Error("the demo data has no open opportunity");
  return opportunity;
}

/** What an official's change writes, done directly: status, version, event, notification. */
async function officialMoves(
  interestId: string,
  partnerId: string,
  to: "IN_REVIEW" | "INFO_REQUESTED",
  note?: string,
) {
  const db = e2eDb();
  const official = await db.user.findUniqueOrThrow({
    where: { email: "official@bridgehead.example" },
  });
  const current = await db.expressionOfInterest.findUniqueOrThrow({ where: { id: interestId } });
  await db.$transaction([
    db.expressionOfInterest.update({
      where: { id: interestId },
      data: { status: to, version: { increment: 1 } },
    }),
    db.interestEvent.create({
      data: {
        interestId,
        fromStatus: current.status,
        toStatus: to,
        actorId: official.id,
        note: note ?? null,
        data: { action: to === "IN_REVIEW" ? "startReview" : "requestInfo" },
      },
    }),
    db.notification.create({
      data: {
        userId: partnerId,
        kind: to === "IN_REVIEW" ? "interest.status" : "interest.infoRequested",
        interestId,
        data: { from: current.status, to },
      },
    }),
  ]);
}

test("a partner expresses interest from an opportunity page; a double click makes one", async ({
  page,
}) => {
  const { organisation, user } = await newPartner();
  const opportunity = await openOpportunity();
  await signIn(page, user.email, TEST_PASSWORD);

  await page.goto(`/en/opportunities/${opportunity.slug}`);
  const cta = page.locator("#interest");
  await expect(cta.getByRole("heading", { name: "Interested?" })).toBeVisible();
  await expectAccessible(page);
  await cta.getByRole("link", { name: "Express interest" }).click();

  await expect(page).toHaveURL(/\/en\/interests\/new\?opportunity=/, NAVIGATION);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(opportunity.titleEn);
  await expectAccessible(page);
  // Too short first: a clear message, nothing sent.
  await page.getByLabel("Motivation").fill("Too short.");
  await page.getByRole("button", { name: "Send expression of interest" }).click();
  await expect(page.getByText("at least 50 characters", { exact: false })).toBeVisible();

  await page.getByLabel("Motivation").fill(MOTIVATION);
  await page.getByLabel("Proposed type of cooperation").selectOption("JOINT_RD");
  await page
    .getByLabel("What your organisation brings")
    .fill("Two researchers, a strain library and a pilot fermentation line.");
  await page.getByLabel("Proposed timeline").fill("Start in spring 2027");
  await expect(page.getByLabel("Contact person")).toHaveValue(user.id);
  await page.getByRole("button", { name: "Send expression of interest" }).dblclick();

  await expect(page).toHaveURL(/\/en\/interests\/[a-z0-9]+$/, NAVIGATION);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(opportunity.titleEn);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Submitted", { exact: true })).toBeVisible();
  await expectAccessible(page);

  const rows = await e2eDb().expressionOfInterest.findMany({
    where: { organisationId: organisation.id, opportunityId: opportunity.id },
  });
  expect(rows).toHaveLength(1);
  expect(page.url()).toContain(rows[0]!.id);

  await page.goto("/en/interests");
  await expect(page.getByRole("heading", { name: "My interests", level: 1 })).toBeVisible();
  const card = page.getByRole("listitem").filter({ hasText: opportunity.titleEn });
  await expect(card).toHaveCount(1);
  await expect(card.getByText("Submitted", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // Back on the opportunity, the call to action now leads to the expression.
  await page.goto(`/en/opportunities/${opportunity.slug}`);
  await expect(page.locator("#interest").getByRole("link", { name: "View it" })).toBeVisible();
});

test("the bell counts an official's change; the partner answers a question and withdraws", async ({
  page,
}) => {
  const { organisation, user } = await newPartner();
  const opportunity = await openOpportunity();
  const interest = await e2eDb().expressionOfInterest.create({
    data: {
      organisationId: organisation.id,
      themeId: opportunity.themeId,
      opportunityId: opportunity.id,
      motivation: MOTIVATION,
      cooperationType: "JOINT_RD",
      contribution: "Two researchers and a pilot line.",
      timeline: "Spring 2027",
      contactUserId: user.id,
      submittedById: user.id,
      events: { create: { toStatus: "SUBMITTED", actorId: user.id } },
    },
  });
  await signIn(page, user.email, TEST_PASSWORD);
  await page.goto("/en/interests");
  await expect(page.getByRole("link", { name: "Notifications, 0 unread" })).toBeVisible();

  await officialMoves(interest.id, user.id, "IN_REVIEW");
  await page.reload();
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();

  await officialMoves(
    interest.id,
    user.id,
    "INFO_REQUESTED",
    "Which strains would you bring to Hohhot?",
  );
  await page.reload();
  await page.getByRole("link", { name: "Notifications, 2 unread" }).click();
  await expect(page).toHaveURL(/\/en\/notifications$/, NAVIGATION);
  await expect(page.getByText("2 unread notifications")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /asked a question/ }).click();

  await expect(page).toHaveURL(new RegExp(`/en/interests/${interest.id}$`), NAVIGATION);
  await expect(page.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible();
  await expect(page.getByText("Which strains would you bring to Hohhot?").first()).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("Your answer")
    .fill("Lactobacillus strains approved for food use in the EU.");
  await page.getByRole("button", { name: "Send answer" }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Answer sent")).toBeVisible(NAVIGATION);
  await expect(page.getByLabel("Your answer")).toHaveCount(0);

  await page.getByRole("button", { name: "Withdraw expression of interest" }).click();
  await page.getByRole("button", { name: "Yes, withdraw it" }).click();
  await expect(timeline.getByText("Withdrawn", { exact: true })).toBeVisible(NAVIGATION);
  await expect(page.getByRole("button", { name: "Withdraw expression of interest" })).toHaveCount(
    0,
  );
  const row = await e2eDb().expressionOfInterest.findUniqueOrThrow({ where: { id: interest.id } });
  expect(row.status).toBe("WITHDRAWN");
});

test("another organisation's expression is not found", async ({ page }) => {
  const { organisation, user } = await newPartner();
  const other = await newPartner();
  const opportunity = await openOpportunity();
  const interest = await e2eDb().expressionOfInterest.create({
    data: {
      organisationId: organisation.id,
      themeId: opportunity.themeId,
      opportunityId: opportunity.id,
      motivation: MOTIVATION,
      cooperationType: "JOINT_RD",
      contribution: "Two researchers and a pilot line.",
      timeline: "Spring 2027",
      contactUserId: user.id,
      submittedById: user.id,
    },
  });
  await signIn(page, other.user.email, TEST_PASSWORD);
  const response = await page.goto(`/en/interests/${interest.id}`);
  expect(response?.status()).toBe(404);
});

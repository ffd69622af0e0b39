// The whole path of an expression of interest, across both roles and both
// languages: a partner submits in English; an official, in Chinese, takes it,
// starts the review and asks a question; the partner answers; the official
// shortlists and accepts. At each step both sides see the right status and
// the right notifications. Each run makes its own partner and official, so
// the desktop and phone projects never share anything.
import type { Page } from "@playwright/test";
import { createOrganisation, createUser, TEST_PASSWORD, unique } from "@/lib/testing/factories";
import { expect, expectAccessible, test } from "./fixtures";
import { signIn } from "./support/auth";
import { e2eDb } from "./support/db";

test.slow();
const NAVIGATION = { timeout: 30_000 };

const QUESTION = "Which probiotic strains would you bring, and who would lead the pilot?";
const ANSWER =
  "Three Lactobacillus strains from our collection; Dr. Weber leads the pilot with two technicians.";

async function openOpportunity() {
  const opportunity = await e2eDb().opportunity.findFirst({
    where: {
      status: "PUBLISHED",
      OR: [{ deadline: null }, { deadline: { gte: new Date(Date.now() + 7 * 86_400_000) } }],
    },
    orderBy: { slug: "desc" },
  });
  if (!opportunity) throw new Error("the demo data has no open opportunity");
  return opportunity;
}

/** The partner's bell, in English. */
const partnerBell = (page: Page, unread: number) =>
  page.getByRole("link", { name: `Notifications, ${unread} unread` });
/** The official's bell, in Chinese. */
const officialBell = (page: Page, unread: number) =>
  page.getByRole("link", { name: `通知，${unread} 条未读` });

test("a partner submits; an official reviews, asks, shortlists and accepts; both sides follow", {
  tag: "@phone",
}, async ({ browser }) => {
  const db = e2eDb();
  const organisation = await createOrganisation(db, { name: unique("Weber Probiotics") });
  const partner = await createUser(db, { organisationId: organisation.id, name: unique("Anna") });
  const official = await createUser(db, { role: "OFFICIAL", name: unique("王芳") });
  const opportunity = await openOpportunity();

  const partnerContext = await browser.newContext();
  const officialContext = await browser.newContext();
  try {
    const p = await partnerContext.newPage();
    const o = await officialContext.newPage();

    // 1. The partner submits, in English.
    await signIn(p, partner.email, TEST_PASSWORD);
    await p.goto(`/en/interests/new?opportunity=${opportunity.slug}`);
    await p
      .getByLabel("Motivation")
      .fill(
        "We isolate and characterise probiotic strains from fermented milk and want to run a joint pilot with Hohhot's dairies.",
      );
    await p.getByLabel("Proposed type of cooperation").selectOption("JOINT_RD");
    await p
      .getByLabel("What your organisation brings")
      .fill("A strain collection, a pilot fermentation line and two researchers.");
    await p.getByLabel("Proposed timeline").fill("Spring 2027 to spring 2028");
    await p.getByRole("button", { name: "Send expression of interest" }).click();
    await expect(p).toHaveURL(/\/en\/interests\/[a-z0-9]+$/, NAVIGATION);
    const interestId = p.url().split("/").at(-1)!;
    await expect(p.getByRole("region", { name: "Timeline" })).toContainText("Submitted");
    await expect(partnerBell(p, 0)).toBeVisible();

    // 2. The official finds it in the queue, in Chinese, takes it and starts the review.
    await signIn(o, official.email, TEST_PASSWORD, "zh");
    await o.goto(`/zh/official/interests?q=${encodeURIComponent(organisation.name)}`);
    const queue = o.getByRole("region", { name: /合作意向列表/ });
    await queue.getByRole("link", { name: organisation.name }).click();
    await expect(o).toHaveURL(new RegExp(`/zh/official/interests/${interestId}$`), NAVIGATION);
    await expectAccessible(o);
    await o.getByRole("button", { name: "分配给我" }).click();
    await expect(o.getByText(`负责人：${official.name}。`)).toBeVisible();
    await o.getByRole("button", { name: "开始审核" }).click();
    await expect(o.getByRole("button", { name: "要求补充信息" })).toBeVisible();

    // 3. …and asks a question.
    await o.getByRole("button", { name: "要求补充信息" }).click();
    await o.getByLabel("向合作方提出的问题").fill(QUESTION);
    await o.getByRole("button", { name: "发送问题" }).click();
    await expect(o.getByText(QUESTION).first()).toBeVisible();
    await expect(o.getByRole("button", { name: "要求补充信息" })).toHaveCount(0);

    // 4. The partner sees two notifications (in review, then the question) and answers.
    await p.reload();
    await expect(partnerBell(p, 2)).toBeVisible();
    await expect(p.getByText(QUESTION).first()).toBeVisible();
    await p.getByLabel("Your answer").fill(ANSWER);
    await p.getByRole("button", { name: "Send answer" }).click();
    await expect(p.getByRole("region", { name: "Timeline" })).toContainText(ANSWER);
    await expect(p.getByText("Partner replied", { exact: true }).first()).toBeVisible();

    // 5. The official, as its assignee, is told of the answer, and shortlists and accepts.
    await o.reload();
    await expect(officialBell(o, 1)).toBeVisible();
    await expect(o.getByText(ANSWER).first()).toBeVisible();
    await o.getByRole("button", { name: "列入候选" }).click();
    await expect(o.getByRole("button", { name: "接受" })).toBeVisible();
    await o.getByRole("button", { name: "接受" }).click();
    await o.getByRole("button", { name: "确认" }).click();
    await expect(o.getByText("无后续步骤", { exact: false })).toBeVisible();
    await expectAccessible(o);

    // 6. The partner sees the decision, on the expression and in the list, with its notifications.
    await p.reload();
    await expect(p.getByRole("heading", { name: "Accepted" })).toBeVisible();
    await expect(partnerBell(p, 4)).toBeVisible();
    await p.goto("/en/interests");
    const card = p.getByRole("listitem").filter({ hasText: opportunity.titleEn });
    await expect(card.getByText("Accepted", { exact: true }).first()).toBeVisible();
    await partnerBell(p, 4).click();
    await expect(p).toHaveURL(/\/en\/notifications$/, NAVIGATION);
    await expect(p.getByText(/is now: Accepted\./)).toBeVisible();
    await expect(p.getByText(/is now: Shortlisted\./)).toBeVisible();
    await expectAccessible(p);

    // The record agrees: accepted, one event per step, in order, by the right people.
    const stored = await db.expressionOfInterest.findUniqueOrThrow({
      where: { id: interestId },
      include: { events: { orderBy: { createdAt: "asc" } } },
    });
    expect(stored.status).toBe("ACCEPTED");
    expect(stored.assigneeId).toBe(official.id);
    expect(stored.firstReviewedAt).not.toBeNull();
    expect(stored.decidedAt).not.toBeNull();
    expect(
      stored.events.filter((e) => e.kind === "STATUS").map((e) => [e.toStatus, e.actorId]),
    ).toEqual([
      ["SUBMITTED", partner.id],
      ["IN_REVIEW", official.id],
      ["INFO_REQUESTED", official.id],
      ["PARTNER_REPLIED", partner.id],
      ["SHORTLISTED", official.id],
      ["ACCEPTED", official.id],
    ]);
  } finally {
    await partnerContext.close();
    await officialContext.close();
  }
});

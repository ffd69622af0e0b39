import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { InterestStatus, OrganisationType } from "@/lib/generated/prisma/enums";
import { createUser } from "@/lib/testing/factories";
import { getReviewDashboard } from "./dashboard-queries";
import type { ReviewCaller } from "./review-queries";
import { parseReviewState, reviewFilterOf } from "./review-schema";
import {
  createInterest,
  createReviewCity,
  createReviewOrganisation,
  createReviewTheme,
} from "./review-test-data";

const DAY = 86_400_000;
// Submitted on known days (Hohhot time 12:00 = 04:00 UTC), reviewed after known waits.
const at = (iso: string) => new Date(`${iso}T04:00:00Z`);

let citySlug: string;
let official: ReviewCaller;
let dairy: string;

beforeAll(async () => {
  const city = await createReviewCity(db);
  citySlug = city.slug;
  const a = await createReviewTheme(db, city, { en: "Dairy", zh: "乳业", order: 1 });
  const b = await createReviewTheme(db, city, { en: "Energy", zh: "能源", order: 2 });
  dairy = a.slug;
  const me = await createUser(db, { role: "OFFICIAL" });
  official = { userId: me.id, role: "OFFICIAL" };

  const rows: Array<{
    theme: string;
    status: InterestStatus;
    country: string;
    type: OrganisationType;
    created: string;
    waitDays: number | null;
  }> = [
    // Dairy: 2 accepted, 1 declined, 1 in review, 1 waiting. Waits 1, 2, 3, 4 days.
    {
      theme: a.id,
      status: "ACCEPTED",
      country: "DE",
      type: "UNIVERSITY",
      created: "2026-03-02",
      waitDays: 1,
    },
    {
      theme: a.id,
      status: "ACCEPTED",
      country: "DE",
      type: "SME",
      created: "2026-03-03",
      waitDays: 2,
    },
    {
      theme: a.id,
      status: "DECLINED",
      country: "FR",
      type: "SME",
      created: "2026-03-09",
      waitDays: 3,
    },
    {
      theme: a.id,
      status: "IN_REVIEW",
      country: "FR",
      type: "SME",
      created: "2026-03-23",
      waitDays: 4,
    },
    {
      theme: a.id,
      status: "SUBMITTED",
      country: "IT",
      type: "CLUSTER",
      created: "2026-03-24",
      waitDays: null,
    },
    // Energy: 1 declined after 10 days, 1 withdrawn unreviewed.
    {
      theme: b.id,
      status: "DECLINED",
      country: "DE",
      type: "UNIVERSITY",
      created: "2026-03-04",
      waitDays: 10,
    },
    {
      theme: b.id,
      status: "WITHDRAWN",
      country: "NL",
      type: "SME",
      created: "2026-03-08",
      waitDays: null,
    },
  ];
  for (const row of rows) {
    const org = await createReviewOrganisation(db, { country: row.country, type: row.type });
    const created = at(row.created);
    await createInterest(db, {
      organisationId: org.id,
      themeId: row.theme,
      status: row.status,
      createdAt: created,
      firstReviewedAt:
        row.waitDays === null ? null : new Date(created.getTime() + row.waitDays * DAY),
      decidedAt:
        row.status === "ACCEPTED" || row.status === "DECLINED"
          ? new Date(created.getTime() + 20 * DAY)
          : null,
    });
  }
});

const dashboard = (query = "") =>
  getReviewDashboard(official, reviewFilterOf(parseReviewState(new URLSearchParams(query))), {
    citySlug,
  });

describe("getReviewDashboard", () => {
  it("counts, the median wait for a first review and the acceptance rate", async () => {
    const d = await dashboard();
    expect(d).toMatchObject({ total: 7, open: 2, reviewed: 5, accepted: 2, decided: 4 });
    // Waits 1, 2, 3, 4, 10 days: the median is 3 days.
    expect(d.medianFirstReviewSeconds).toBeCloseTo(3 * 86_400, 3);
    expect(d.acceptanceRate).toBeCloseTo(0.5);
  });

  it("groups by status, theme, country and type", async () => {
    const d = await dashboard();
    expect(d.byStatus).toEqual([
      { status: "SUBMITTED", count: 1 },
      { status: "IN_REVIEW", count: 1 },
      { status: "ACCEPTED", count: 2 },
      { status: "DECLINED", count: 2 },
      { status: "WITHDRAWN", count: 1 },
    ]);
    expect(d.byCountry).toEqual([
      { country: "DE", count: 3 },
      { country: "FR", count: 2 },
      { country: "IT", count: 1 },
      { country: "NL", count: 1 },
    ]);
    expect(d.byType).toEqual([
      { type: "SME", count: 4 },
      { type: "UNIVERSITY", count: 2 },
      { type: "CLUSTER", count: 1 },
    ]);
    const [first, second] = d.byTheme;
    expect(first).toMatchObject({ nameEn: "Dairy", count: 5, accepted: 2, decided: 3 });
    expect(first!.acceptanceRate).toBeCloseTo(2 / 3);
    // Dairy's waits 1, 2, 3, 4 days: the median is 2.5 days.
    expect(first!.medianFirstReviewSeconds).toBeCloseTo(2.5 * 86_400, 3);
    expect(second).toMatchObject({ nameEn: "Energy", count: 2, accepted: 0, decided: 1 });
    expect(second!.acceptanceRate).toBe(0);
  });

  it("counts per week (Mondays, Hohhot time), with empty weeks as 0", async () => {
    const d = await dashboard();
    expect(d.perWeek).toEqual([
      { week: "2026-03-02", count: 4 },
      { week: "2026-03-09", count: 1 },
      { week: "2026-03-16", count: 0 },
      { week: "2026-03-23", count: 2 },
    ]);
  });

  it("follows the queue's filters", async () => {
    const d = await dashboard(`theme=${dairy}&country=FR`);
    expect(d).toMatchObject({ total: 2, decided: 1, accepted: 0, acceptanceRate: 0 });
    expect(d.medianFirstReviewSeconds).toBeCloseTo(3.5 * 86_400, 3);
    const open = await dashboard("status=open");
    expect(open.total).toBe(2);
    const none = await dashboard("status=ACCEPTED&country=NL");
    expect(none).toMatchObject({ total: 0, medianFirstReviewSeconds: null, acceptanceRate: null });
    expect(none.perWeek).toEqual([]);
  });

  it("refuses partners", async () => {
    await expect(
      getReviewDashboard({ userId: "x", role: "PARTNER" }, {}, { citySlug }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCityWithTheme, createOrganisation, createUser } from "@/lib/testing/factories";
import { sendInterestDigest } from "./digest";

// A city of its own: only its expressions count. Officials are global, so
// the assertions look at this test's officials only.
async function cityWithTheme() {
  const { city, theme } = await createCityWithTheme(db);
  return { slug: city.slug, themeId: theme.id };
}

async function expression(themeId: string, createdAt: Date, assigneeId: string | null = null) {
  const organisation = await createOrganisation(db);
  return db.expressionOfInterest.create({
    data: {
      organisationId: organisation.id,
      themeId,
      motivation: "We would like to cooperate on dairy fermentation in Hohhot, with pilots.",
      cooperationType: "JOINT_RD",
      contribution: "Researchers and a pilot line.",
      timeline: "2027",
      createdAt,
      assigneeId,
    },
  });
}

const day = 86_400_000;

describe("the officials' daily digest", () => {
  it("emails every active official once a day about old unassigned expressions", async () => {
    const city = await cityWithTheme();
    const now = new Date("2026-12-10T23:00:00Z"); // 07:00 on 11 December in Hohhot
    const zhOfficial = await createUser(db, { role: "OFFICIAL" });
    await db.user.update({ where: { id: zhOfficial.id }, data: { locale: "zh" } });
    const enOfficial = await createUser(db, { role: "OFFICIAL" });
    const disabled = await createUser(db, { role: "OFFICIAL" });
    await db.user.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    const partner = await createUser(db);

    await expression(city.themeId, new Date(now.getTime() - 4 * day)); // listed
    await expression(city.themeId, new Date(now.getTime() - 5 * day)); // listed
    await expression(city.themeId, new Date(now.getTime() - 1 * day)); // too recent
    await expression(city.themeId, new Date(now.getTime() - 9 * day), enOfficial.id); // assigned
    const withdrawn = await expression(city.themeId, new Date(now.getTime() - 9 * day));
    await db.expressionOfInterest.update({
      where: { id: withdrawn.id },
      data: { status: "WITHDRAWN" },
    });

    const first = await sendInterestDigest(db, { now, days: 3, citySlug: city.slug });
    expect(first).toMatchObject({ date: "2026-12-11", waiting: 2 });

    const mine = [zhOfficial.id, enOfficial.id, disabled.id, partner.id];
    const notes = await db.notification.findMany({
      where: { userId: { in: mine }, kind: "interest.digest" },
    });
    expect(notes.map((n) => n.userId).sort()).toEqual([zhOfficial.id, enOfficial.id].sort());
    expect(notes[0]!.data).toEqual({ date: "2026-12-11", count: 2, days: 3 });
    const zhEmail = await db.emailMessage.findFirstOrThrow({ where: { to: zhOfficial.email } });
    expect(zhEmail).toMatchObject({ template: "interest-digest", locale: "zh" });
    expect(zhEmail.subject).toContain("2");
    expect(zhEmail.text).toContain("乳业");
    const enEmail = await db.emailMessage.findFirstOrThrow({ where: { to: enOfficial.email } });
    expect(enEmail.text).toContain("Dairy");
    expect(enEmail.text).toContain("/en/official/interests?assignee=none");
    expect(await db.emailMessage.count({ where: { to: disabled.email } })).toBe(0);
    expect(await db.emailMessage.count({ where: { to: partner.email } })).toBe(0);

    // A second run the same day (a retry, another instance) sends nothing more,
    // and two at once do not both send.
    const later = new Date(now.getTime() + 6 * 60 * 60 * 1000);
    const again = await Promise.all([
      sendInterestDigest(db, { now: later, days: 3, citySlug: city.slug }),
      sendInterestDigest(db, { now: later, days: 3, citySlug: city.slug }),
    ]);
    for (const run of again) expect(run).toMatchObject({ date: "2026-12-11", waiting: 2 });
    expect(
      await db.notification.count({ where: { userId: { in: mine }, kind: "interest.digest" } }),
    ).toBe(2);
    expect(
      await db.emailMessage.count({ where: { to: { in: [zhOfficial.email, enOfficial.email] } } }),
    ).toBe(2);

    // The next day it is sent again.
    await sendInterestDigest(db, {
      now: new Date(now.getTime() + day),
      days: 3,
      citySlug: city.slug,
    });
    expect(
      await db.notification.count({ where: { userId: zhOfficial.id, kind: "interest.digest" } }),
    ).toBe(2);
  });

  it("sends nothing when no expression is waiting", async () => {
    const city = await cityWithTheme();
    const official = await createUser(db, { role: "OFFICIAL" });
    const now = new Date();
    await expression(city.themeId, new Date(now.getTime() - day)); // recent only
    const result = await sendInterestDigest(db, { now, days: 3, citySlug: city.slug });
    expect(result).toMatchObject({ skipped: "none-waiting", waiting: 0, sent: 0 });
    expect(await db.notification.count({ where: { userId: official.id } })).toBe(0);
  });
});

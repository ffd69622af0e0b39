import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/testing/factories";
import { csvHeaders, reviewCsvStream } from "./review-csv";
import {
  exportReviewRows,
  getReviewFilterOptions,
  getReviewInterest,
  listReviewQueue,
  type ReviewCaller,
} from "./review-queries";
import { parseReviewState, reviewFilterOf } from "./review-schema";
import {
  createInterest,
  createMatchScore,
  createReviewCity,
  createReviewOpportunity,
  createReviewOrganisation,
  createReviewTheme,
} from "./review-test-data";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

// One city with six expressions whose every attribute is known.
let citySlug: string;
let official: ReviewCaller;
let otherOfficialId: string;
let themeA: { slug: string; id: string };
let oppSlug: string;
const ids = {} as Record<
  "submitted" | "inReview" | "shortlisted" | "declined" | "accepted" | "withdrawn",
  string
>;

async function queue(query: string) {
  const result = await listReviewQueue(official, parseReviewState(new URLSearchParams(query)), {
    citySlug,
  });
  return result;
}
async function idsOf(query: string) {
  return (await queue(query)).rows.map((row) => row.id);
}
const named = (...names: Array<keyof typeof ids>) => names.map((n) => ids[n]);

beforeAll(async () => {
  const city = await createReviewCity(db);
  citySlug = city.slug;
  const a = await createReviewTheme(db, city, { en: "Dairy", zh: "乳业", order: 1 });
  const b = await createReviewTheme(db, city, { en: "Energy", zh: "能源", order: 2 });
  themeA = a;
  const opp = await createReviewOpportunity(db, a.id, { en: "Yoghurt pilot", zh: "酸奶试点" });
  oppSlug = opp.slug;
  const me = await createUser(db, { role: "OFFICIAL", name: "Wang Fang" });
  const other = await createUser(db, { role: "OFFICIAL", name: "Li Na" });
  official = { userId: me.id, role: "OFFICIAL" };
  otherOfficialId = other.id;

  const alpen = await createReviewOrganisation(db, {
    name: "Alpen Dairy Institute",
    country: "AT",
    type: "UNIVERSITY",
  });
  ids.submitted = (
    await createInterest(db, {
      organisationId: alpen.id,
      themeId: a.id,
      opportunityId: opp.id,
      status: "SUBMITTED",
      motivation: "We research probiotic strains for yoghurt.",
      createdAt: ago(10),
      assigneeId: me.id,
    })
  ).id;
  await createMatchScore(db, alpen.id, "OPPORTUNITY", opp.id, 80);
  // A theme score of the same organisation must not be taken for the opportunity's.
  await createMatchScore(db, alpen.id, "THEME", a.id, 11);

  const lait = await createReviewOrganisation(db, {
    name: "Laiterie 北方 Coopérative",
    country: "FR",
    type: "SME",
  });
  ids.inReview = (
    await createInterest(db, {
      organisationId: lait.id,
      themeId: a.id,
      status: "IN_REVIEW",
      motivation: "我们希望在乳制品加工领域开展合作。",
      contribution: "Cheese making know-how.",
      createdAt: ago(20),
      firstReviewedAt: ago(18),
    })
  ).id;
  await createMatchScore(db, lait.id, "THEME", a.id, 40);

  const wind = await createReviewOrganisation(db, {
    name: "Noordzee Wind Cluster",
    country: "NL",
    type: "CLUSTER",
  });
  ids.shortlisted = (
    await createInterest(db, {
      organisationId: wind.id,
      themeId: b.id,
      status: "SHORTLISTED",
      motivation: "Energy storage for wind parks.",
      createdAt: ago(5),
      firstReviewedAt: ago(4),
      assigneeId: other.id,
    })
  ).id;

  const solar = await createReviewOrganisation(db, {
    name: "Sonnen GmbH",
    country: "DE",
    type: "SME",
  });
  ids.declined = (
    await createInterest(db, {
      organisationId: solar.id,
      themeId: b.id,
      status: "DECLINED",
      motivation: "Solar panels.",
      createdAt: ago(30),
      firstReviewedAt: ago(25),
      decidedAt: ago(24),
    })
  ).id;
  await createMatchScore(db, solar.id, "THEME", b.id, 60);

  const latte = await createReviewOrganisation(db, {
    name: "Latteria Bianchi",
    country: "IT",
    type: "LARGE_COMPANY",
  });
  ids.accepted = (
    await createInterest(db, {
      organisationId: latte.id,
      themeId: a.id,
      opportunityId: opp.id,
      status: "ACCEPTED",
      motivation: "Milk powder plant.",
      createdAt: ago(40),
      firstReviewedAt: ago(37),
      decidedAt: ago(30),
    })
  ).id;
  await createMatchScore(db, latte.id, "OPPORTUNITY", opp.id, 90);

  const queso = await createReviewOrganisation(db, {
    name: "Quesos del Norte",
    country: "ES",
    type: "SME",
  });
  ids.withdrawn = (
    await createInterest(db, {
      organisationId: queso.id,
      themeId: a.id,
      status: "WITHDRAWN",
      motivation: "Cheese caves.",
      createdAt: ago(2),
    })
  ).id;
});

describe("listReviewQueue", () => {
  it("lists the city's expressions with organisation, theme, opportunity, score and assignee", async () => {
    const page = await queue("");
    expect(page.total).toBe(6);
    expect(page.pages).toBe(1);
    const row = page.rows.find((r) => r.id === ids.submitted)!;
    expect(row).toMatchObject({
      status: "SUBMITTED",
      organisationName: "Alpen Dairy Institute",
      country: "AT",
      organisationType: "UNIVERSITY",
      themeNameEn: "Dairy",
      themeNameZh: "乳业",
      opportunitySlug: oppSlug,
      opportunityTitleZh: "酸奶试点",
      score: 80,
      assigneeName: "Wang Fang",
    });
    // An open interest in a theme takes the theme's score.
    expect(page.rows.find((r) => r.id === ids.inReview)!.score).toBe(40);
    expect(page.rows.find((r) => r.id === ids.shortlisted)!.score).toBeNull();
  });

  it("narrows by each filter", async () => {
    expect(await idsOf("status=SUBMITTED")).toEqual(named("submitted"));
    expect((await idsOf("status=open")).sort()).toEqual(
      named("submitted", "inReview", "shortlisted").sort(),
    );
    expect((await idsOf(`theme=${themeA.slug}`)).sort()).toEqual(
      named("submitted", "inReview", "accepted", "withdrawn").sort(),
    );
    expect((await idsOf(`opportunity=${oppSlug}`)).sort()).toEqual(
      named("submitted", "accepted").sort(),
    );
    expect(await idsOf("country=nl")).toEqual(named("shortlisted"));
    expect((await idsOf("type=SME")).sort()).toEqual(
      named("inReview", "declined", "withdrawn").sort(),
    );
    expect((await idsOf("min=60")).sort()).toEqual(
      named("submitted", "declined", "accepted").sort(),
    );
    expect((await idsOf("min=50&max=85")).sort()).toEqual(named("submitted", "declined").sort());
    expect(await idsOf("assignee=me")).toEqual(named("submitted"));
    expect(await idsOf(`assignee=${otherOfficialId}`)).toEqual(named("shortlisted"));
    expect((await idsOf("assignee=none")).sort()).toEqual(
      named("inReview", "declined", "accepted", "withdrawn").sort(),
    );
    const day = (d: number) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(ago(d));
    expect((await idsOf(`from=${day(12)}&to=${day(3)}`)).sort()).toEqual(
      named("submitted", "shortlisted").sort(),
    );
    expect(await idsOf(`from=${day(2)}`)).toEqual(named("withdrawn"));
    // Filters combine.
    expect(await idsOf(`theme=${themeA.slug}&status=open&assignee=none`)).toEqual(
      named("inReview"),
    );
  });

  it("searches English with stemming, over the expression and the organisation", async () => {
    expect(await idsOf("q=probiotics")).toEqual(named("submitted"));
    expect(await idsOf("q=park")).toEqual(named("shortlisted"));
    expect(await idsOf("q=Noordzee")).toEqual(named("shortlisted"));
    expect(await idsOf("q=cheese")).toEqual(
      // "Cheese making know-how" (contribution) and "Cheese caves" (motivation).
      expect.arrayContaining(named("inReview", "withdrawn")),
    );
    expect(await idsOf("q=unrelatedword")).toEqual([]);
  });

  it("searches Chinese by substring in the texts and the organisation's name", async () => {
    expect(await idsOf(`q=${encodeURIComponent("乳制品")}`)).toEqual(named("inReview"));
    expect(await idsOf(`q=${encodeURIComponent("北方")}`)).toEqual(named("inReview"));
    expect(await idsOf(`q=${encodeURIComponent("风能")}`)).toEqual([]);
  });

  it("sorts by score, waiting time and date", async () => {
    expect(await idsOf("sort=score")).toEqual(
      named("accepted", "submitted", "declined", "inReview", "withdrawn", "shortlisted"),
    );
    expect((await idsOf("sort=score&dir=asc")).slice(0, 4)).toEqual(
      named("inReview", "declined", "submitted", "accepted"),
    );
    // Waiting: 10 days and counting, 5, 3, 2, 1; withdrawn unreviewed has no waiting time.
    expect(await idsOf("sort=waited")).toEqual(
      named("submitted", "declined", "accepted", "inReview", "shortlisted", "withdrawn"),
    );
    expect(await idsOf("sort=created&dir=asc")).toEqual(
      named("accepted", "declined", "inReview", "submitted", "shortlisted", "withdrawn"),
    );
    expect(await idsOf("")).toEqual(
      named("withdrawn", "shortlisted", "submitted", "inReview", "declined", "accepted"),
    );
    const waited = (await queue("sort=waited")).rows.map((r) => r.waited);
    expect(waited[0]).toBeGreaterThan(10 * 86_400 - 60);
    expect(waited[1]).toBeCloseTo(5 * 86_400, -1);
    expect(waited[5]).toBeNull();
  });

  it("refuses partners", async () => {
    await expect(
      listReviewQueue({ userId: "x", role: "PARTNER" }, parseReviewState({}), { citySlug }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

let pagedCity: string;

describe("paging and the export", () => {
  beforeAll(async () => {
    const city = await createReviewCity(db);
    pagedCity = city.slug;
    const theme = await createReviewTheme(db, city, { en: "Paging", zh: "分页" });
    for (let i = 0; i < 57; i++) {
      const org = await createReviewOrganisation(db, { country: i % 3 === 0 ? "DE" : "FR" });
      await createInterest(db, {
        organisationId: org.id,
        themeId: theme.id,
        createdAt: ago(i % 7),
        status: i % 2 === 0 ? "SUBMITTED" : "IN_REVIEW",
        firstReviewedAt: i % 2 === 0 ? null : ago((i % 7) / 2),
      });
      if (i % 4 === 0) await createMatchScore(db, org.id, "THEME", theme.id, 30 + (i % 50));
    }
  });

  it("pages with exact totals and shows the last page past the end", async () => {
    const options = { citySlug: pagedCity };
    const first = await listReviewQueue(official, parseReviewState({}), options);
    expect(first).toMatchObject({ total: 57, pages: 3, page: 1, pageSize: 25 });
    expect(first.rows).toHaveLength(25);
    const last = await listReviewQueue(official, parseReviewState({ page: "3" }), options);
    expect(last.rows).toHaveLength(7);
    const past = await listReviewQueue(official, parseReviewState({ page: "9" }), options);
    expect(past.page).toBe(3);
    const big = await listReviewQueue(official, parseReviewState({ size: "50" }), options);
    expect(big).toMatchObject({ pages: 2, pageSize: 50 });
    const filtered = await listReviewQueue(official, parseReviewState({ country: "DE" }), options);
    expect(filtered.total).toBe(19);
  });

  it("exports exactly the queue's rows, all pages, in the same order", async () => {
    for (const query of [
      "",
      "sort=score",
      "sort=waited&country=FR",
      "status=SUBMITTED&sort=created&dir=asc",
    ]) {
      const state = parseReviewState(new URLSearchParams(query));
      const queued: string[] = [];
      for (let page = 1; ; page++) {
        const result = await listReviewQueue(official, { ...state, page }, { citySlug: pagedCity });
        queued.push(...result.rows.map((r) => r.id));
        if (page >= result.pages) break;
      }
      const exported: string[] = [];
      for await (const batch of exportReviewRows(official, reviewFilterOf(state), {
        citySlug: pagedCity,
        batchSize: 10,
      })) {
        expect(batch.length).toBeLessThanOrEqual(10);
        exported.push(...batch.map((r) => r.id));
      }
      expect(exported, query).toEqual(queued);
      expect(new Set(exported).size).toBe(exported.length);
    }
  });
});

describe("filter options and the detail", () => {
  it("offers the city's themes, opportunities, countries and active officials", async () => {
    const options = await getReviewFilterOptions(official, { citySlug });
    expect(options.themes.map((t) => t.nameEn)).toEqual(["Dairy", "Energy"]);
    expect(options.opportunities.map((o) => o.slug)).toEqual([oppSlug]);
    expect(options.countries).toEqual(["AT", "DE", "ES", "FR", "IT", "NL"]);
    expect(options.officials.map((o) => o.id)).toEqual(
      expect.arrayContaining([official.userId, otherOfficialId]),
    );
  });

  it("offers only the countries of organisations with an expression in the city", async () => {
    const here = await createReviewCity(db);
    const hereTheme = await createReviewTheme(db, here, { en: "Here", zh: "此处" });
    const elsewhere = await createReviewCity(db);
    const elsewhereTheme = await createReviewTheme(db, elsewhere, { en: "Elsewhere", zh: "别处" });
    // Countries before, between and after this city's: with an expression in
    // another city only, or with no expression at all.
    for (const country of ["AA", "BE", "PL", "ZZ"]) {
      const org = await createReviewOrganisation(db, { country });
      await createInterest(db, { organisationId: org.id, themeId: elsewhereTheme.id });
    }
    for (const country of ["AB", "SE", "ZY"]) await createReviewOrganisation(db, { country });
    // A country whose first organisations have no expression here, the last one has.
    for (const country of ["PT", "PT", "PT", "DE"]) await createReviewOrganisation(db, { country });
    for (const country of ["PT", "DE", "IE"]) {
      const org = await createReviewOrganisation(db, { country });
      await createInterest(db, { organisationId: org.id, themeId: hereTheme.id });
    }
    const options = await getReviewFilterOptions(official, { citySlug: here.slug });
    expect(options.countries).toEqual(["DE", "IE", "PT"]);
  });

  it("loads one expression with its organisation and the score of its opportunity", async () => {
    const interest = await getReviewInterest(official, ids.submitted, { citySlug });
    expect(interest?.organisation.name).toBe("Alpen Dairy Institute");
    expect(interest?.match?.score).toBe(80);
    const themeInterest = await getReviewInterest(official, ids.inReview, { citySlug });
    expect(themeInterest?.match?.score).toBe(40);
    // Another city's expression is not found through this city.
    expect(await getReviewInterest(official, ids.submitted, { citySlug: "elsewhere" })).toBeNull();
  });
});

async function csvOf(query: string, locale: "en" | "zh", city: string, batchSize = 1000) {
  const stream = reviewCsvStream(official, new URLSearchParams(query), {
    locale,
    baseUrl: "https://bridgehead.test",
    citySlug: city,
    batchSize,
  });
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return bytes;
}

describe("the CSV export", () => {
  it("starts with a UTF-8 byte-order mark and keeps Chinese text, in the official's language", async () => {
    const bytes = await csvOf(`q=${encodeURIComponent("乳制品")}`, "zh", citySlug);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(Buffer.from(bytes), { bom: true });
    expect(records[0]).toEqual(csvHeaders("zh"));
    expect(records[0]).toContain("机构");
    expect(records).toHaveLength(2);
    const row = records[1]!;
    expect(row[0]).toBe(ids.inReview);
    expect(row).toContain("我们希望在乳制品加工领域开展合作。");
    expect(row).toContain("Laiterie 北方 Coopérative");
    expect(row).toContain("乳业");
    expect(row).toContain("审核中");
    expect(row.at(-1)).toBe(`https://bridgehead.test/zh/official/interests/${ids.inReview}`);
  });

  it("has English headers and labels for an English reader", async () => {
    const records: string[][] = parse(Buffer.from(await csvOf("status=DECLINED", "en", citySlug)), {
      bom: true,
    });
    expect(records[0]).toContain("Organisation");
    expect(records[1]).toEqual(
      expect.arrayContaining([ids.declined, "Declined", "Sonnen GmbH", "Energy", "60", "Germany"]),
    );
  });

  it("holds exactly the rows of the queue for the same query string, all pages", async () => {
    const query = "sort=score&country=FR&size=25";
    const state = parseReviewState(new URLSearchParams(query));
    const queued: string[] = [];
    for (let page = 1; ; page++) {
      const result = await listReviewQueue(official, { ...state, page }, { citySlug: pagedCity });
      queued.push(...result.rows.map((r) => r.id));
      if (page >= result.pages) break;
    }
    expect(queued.length).toBe(38);
    // page=2 in the address does not limit the export to one page.
    const records: string[][] = parse(
      Buffer.from(await csvOf(`${query}&page=2`, "en", pagedCity, 7)),
      { bom: true },
    );
    expect(records.slice(1).map((r) => r[0])).toEqual(queued);
  });

  it("neutralises cells that a spreadsheet would run as formulas", async () => {
    const org = await createReviewOrganisation(db, { name: '=HYPERLINK("x")' });
    const theme = await db.theme.findFirstOrThrow({ where: { city: { slug: citySlug } } });
    await createInterest(db, {
      organisationId: org.id,
      themeId: theme.id,
      motivation: "+1 we add value",
      status: "IN_REVIEW",
    });
    const records: string[][] = parse(Buffer.from(await csvOf("q=value", "en", citySlug)), {
      bom: true,
    });
    expect(records[1]).toContain('\'=HYPERLINK("x")');
    expect(records[1]).toContain("'+1 we add value");
  });

  it("refuses partners before anything is read", () => {
    expect(() =>
      reviewCsvStream({ userId: "x", role: "PARTNER" }, new URLSearchParams(), {
        locale: "en",
        baseUrl: "https://bridgehead.test",
        citySlug,
      }),
    ).toThrow();
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type {
  CooperationType,
  MatchTargetKind,
  OrganisationType,
} from "@/lib/generated/prisma/enums";
import { unique } from "@/lib/testing/factories";
import {
  getCoverage,
  getOfficialOpportunity,
  getOfficialTheme,
  getSoughtTerms,
  listRankedCountries,
  listRankedOrganisations,
  listThemeOpportunities,
} from "./official-queries";
import { parseRankedFilter } from "./official-schema";

// Each test file shares the database with others: everything here lives in
// a city of its own, so counts are exact.

async function city() {
  const slug = unique("city");
  const row = await db.city.create({
    data: {
      slug,
      nameEn: "Testcity",
      nameZh: "测试市",
      regionEn: "Region",
      regionZh: "地区",
      countryCode: "CN",
      summaryEn: "A city for tests.",
      summaryZh: "测试用城市。",
    },
  });
  const area = await db.cooperationArea.create({
    data: {
      cityId: row.id,
      slug: "area",
      order: 1,
      nameEn: "Area",
      nameZh: "领域",
      descriptionEn: "An area.",
      descriptionZh: "一个领域。",
    },
  });
  return { ...row, areaId: area.id };
}

async function theme(c: { id: string; areaId: string }, slug: string, order: number) {
  return db.theme.create({
    data: {
      cityId: c.id,
      areaId: c.areaId,
      slug,
      order,
      nameEn: `Theme ${slug}`,
      nameZh: `主题 ${slug}`,
      descriptionEn: "A theme.",
      descriptionZh: "一个主题。",
      keywordsEn: [],
      keywordsZh: [],
    },
  });
}

async function opportunity(
  themeId: string,
  status: "DRAFT" | "PUBLISHED" | "CLOSED" = "PUBLISHED",
  deadline: Date | null = null,
) {
  return db.opportunity.create({
    data: {
      slug: unique("opp"),
      themeId,
      titleEn: "An opportunity",
      titleZh: "一个合作机会",
      descriptionEn: "Something sought.",
      descriptionZh: "所需内容。",
      cooperationTypes: ["JOINT_RD"],
      partnerTypes: [],
      trlMin: 3,
      trlMax: 7,
      status,
      deadline,
      hostNameEn: "Host",
      hostNameZh: "发布方",
      hostType: "ENTERPRISE",
    },
  });
}

type OrgOptions = {
  name?: string;
  country?: string;
  type?: OrganisationType;
  coop?: CooperationType[];
  /** REGISTERED with consent (default), REGISTERED without consent, or IMPORTED. */
  visibility?: "consented" | "hidden" | "imported";
  members?: number;
};

async function organisation(options: OrgOptions = {}) {
  const visibility = options.visibility ?? "consented";
  const org = await db.organisation.create({
    data: {
      name: options.name ?? unique("Org"),
      type: options.type ?? "UNIVERSITY",
      country: options.country ?? "DE",
      description: "A test organisation.",
      keywords: [],
      cooperationTypes: options.coop ?? ["JOINT_RD"],
      origin: visibility === "imported" ? "IMPORTED" : "REGISTERED",
      consentedAt: visibility === "consented" ? new Date() : null,
    },
  });
  for (let i = 0; i < (options.members ?? 0); i++) {
    await db.user.create({
      data: { email: `${unique("member")}@test.example`, name: "Member", organisationId: org.id },
    });
  }
  return org;
}

async function score(
  organisationId: string,
  kind: MatchTargetKind,
  targetId: string,
  value: number,
) {
  await db.matchScore.create({
    data: {
      organisationId,
      targetKind: kind,
      targetId,
      score: value,
      explanation: JSON.stringify({ factors: [], concepts: [], nearMisses: [] }),
      computedAt: new Date(),
    },
  });
}

const NO_FILTER = parseRankedFilter({});

describe("listRankedOrganisations", () => {
  let themeId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const c = await city();
    themeId = (await theme(c, "ranked", 1)).id;
    const orgs: Array<[string, OrgOptions, number]> = [
      ["best", { name: "Zeta Best", country: "FR", type: "SME", coop: ["TRADE_DISTRIBUTION"] }, 92],
      ["tieB", { name: "Beta Tie", country: "DE" }, 75],
      ["tieA", { name: "Alpha Tie", country: "DE", type: "RESEARCH_INSTITUTE" }, 75],
      ["imported", { country: "IT", visibility: "imported" }, 64],
      ["importedMember", { country: "IT", visibility: "imported", members: 1 }, 55],
      ["hidden", { country: "DE", visibility: "hidden" }, 99],
      ["low", { country: "ES", coop: ["JOINT_RD", "EXPERT_EXCHANGE"] }, 40],
    ];
    for (const [key, options, value] of orgs) {
      const org = await organisation(options);
      ids[key] = org.id;
      await score(org.id, "THEME", themeId, value);
    }
    // A score for another target does not show.
    await score(ids.low!, "THEME", (await theme(c, "other", 2)).id, 90);
  });

  const target = () => ({ kind: "THEME" as const, id: themeId });
  const names = (result: { organisations: Array<{ id: string }> }) =>
    result.organisations.map((o) => Object.entries(ids).find(([, id]) => id === o.id)?.[0]);

  it("lists visible organisations best first, ties by name", async () => {
    const result = await listRankedOrganisations(target(), NO_FILTER);
    expect(names(result)).toEqual(["best", "tieA", "tieB", "imported", "importedMember", "low"]);
    expect(result.organisations.map((o) => o.score)).toEqual([92, 75, 75, 64, 55, 40]);
    expect(result).toMatchObject({ total: 6, page: 1, pages: 1, pageSize: 20 });
    expect(result.organisations[0]).toMatchObject({
      name: "Zeta Best",
      country: "FR",
      type: "SME",
      explanation: JSON.stringify({ factors: [], concepts: [], nearMisses: [] }),
    });
  });

  it("hides registered organisations without consent and flags imported ones nobody registered", async () => {
    const result = await listRankedOrganisations(target(), NO_FILTER);
    expect(result.organisations.map((o) => o.id)).not.toContain(ids.hidden);
    const flags = Object.fromEntries(
      result.organisations.map((o) => [names({ organisations: [o] })[0], o.unregistered]),
    );
    expect(flags).toEqual({
      best: false,
      tieA: false,
      tieB: false,
      imported: true,
      importedMember: false,
      low: false,
    });
  });

  it("filters by country", async () => {
    const result = await listRankedOrganisations(target(), parseRankedFilter({ country: "de" }));
    expect(names(result)).toEqual(["tieA", "tieB"]);
    expect(result.total).toBe(2);
  });

  it("filters by organisation type", async () => {
    const result = await listRankedOrganisations(
      target(),
      parseRankedFilter({ type: "RESEARCH_INSTITUTE" }),
    );
    expect(names(result)).toEqual(["tieA"]);
  });

  it("filters by minimum score", async () => {
    const result = await listRankedOrganisations(target(), parseRankedFilter({ min: "64" }));
    expect(names(result)).toEqual(["best", "tieA", "tieB", "imported"]);
    expect(result.total).toBe(4);
  });

  it("filters by cooperation type offered", async () => {
    const result = await listRankedOrganisations(
      target(),
      parseRankedFilter({ coop: "EXPERT_EXCHANGE" }),
    );
    expect(names(result)).toEqual(["low"]);
    const trade = await listRankedOrganisations(
      target(),
      parseRankedFilter({ coop: "TRADE_DISTRIBUTION" }),
    );
    expect(names(trade)).toEqual(["best"]);
  });

  it("combines filters", async () => {
    const result = await listRankedOrganisations(
      target(),
      parseRankedFilter({ country: "DE", min: "76" }),
    );
    expect(result).toMatchObject({ total: 0, page: 1, pages: 1, organisations: [] });
  });

  it("lists the countries a list can show, without hidden organisations'", async () => {
    expect(await listRankedCountries(target())).toEqual(["DE", "ES", "FR", "IT"]);
  });
});

describe("listRankedOrganisations pagination", () => {
  it("pages by 20 with a total, and a page past the end shows the last page", async () => {
    const c = await city();
    const { id } = await theme(c, "paged", 1);
    for (let i = 0; i < 45; i++) {
      const org = await organisation({ name: `Org ${String(i).padStart(2, "0")}` });
      await score(org.id, "THEME", id, 90 - i);
    }
    const target = { kind: "THEME" as const, id };
    const first = await listRankedOrganisations(target, NO_FILTER);
    expect(first).toMatchObject({ total: 45, page: 1, pages: 3 });
    expect(first.organisations).toHaveLength(20);
    expect(first.organisations[0]?.name).toBe("Org 00");

    const second = await listRankedOrganisations(target, parseRankedFilter({ page: "2" }));
    expect(second.page).toBe(2);
    expect(second.organisations.map((o) => o.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Org ${20 + i}`),
    );

    const last = await listRankedOrganisations(target, parseRankedFilter({ page: "99" }));
    expect(last.page).toBe(3);
    expect(last.organisations.map((o) => o.name)).toEqual(
      Array.from({ length: 5 }, (_, i) => `Org ${40 + i}`),
    );
  });
});

describe("getCoverage", () => {
  it("counts visible organisations at 50+ and 70+ per theme and per published opportunity", async () => {
    const c = await city();
    const strong = await theme(c, "strong", 1);
    const weak = await theme(c, "weak", 2);
    const empty = await theme(c, "empty", 3);
    const later = await opportunity(strong.id, "PUBLISHED", new Date("2031-06-01"));
    const sooner = await opportunity(strong.id, "PUBLISHED", new Date("2030-01-01"));
    const draft = await opportunity(strong.id, "DRAFT");
    await opportunity(weak.id, "CLOSED");

    const visible = [];
    for (let i = 0; i < 7; i++)
      visible.push(await organisation({ visibility: i % 2 ? "imported" : "consented" }));
    const hidden = await organisation({ visibility: "hidden" });

    // strong: 6 at 70+ (and so at 50+), one more at 50+, one below; the hidden one is not counted.
    for (const [i, org] of visible.entries())
      await score(org.id, "THEME", strong.id, [95, 90, 85, 80, 75, 70, 50][i]!);
    await score(hidden.id, "THEME", strong.id, 99);
    // weak: 1 at 70+, 2 at 50+; 49 is not counted.
    await score(visible[0]!.id, "THEME", weak.id, 71);
    await score(visible[1]!.id, "THEME", weak.id, 69);
    await score(visible[2]!.id, "THEME", weak.id, 49);
    await score(hidden.id, "THEME", weak.id, 80);
    // Opportunities: "later" has 2 strong and 1 good; "sooner" none; the draft's scores do not exist.
    await score(visible[0]!.id, "OPPORTUNITY", later.id, 88);
    await score(visible[1]!.id, "OPPORTUNITY", later.id, 70);
    await score(visible[2]!.id, "OPPORTUNITY", later.id, 52);
    await score(visible[3]!.id, "OPPORTUNITY", later.id, 36);
    await score(hidden.id, "OPPORTUNITY", later.id, 95);
    await score(visible[0]!.id, "OPPORTUNITY", draft.id, 90);

    const coverage = await getCoverage(c.slug);
    expect(coverage.map((t) => [t.slug, t.good, t.strong, t.opportunities.length])).toEqual([
      ["strong", 7, 6, 2],
      ["weak", 2, 1, 0],
      ["empty", 0, 0, 0],
    ]);
    const [first, second] = coverage[0]!.opportunities;
    expect(first).toMatchObject({ id: sooner.id, good: 0, strong: 0 });
    expect(second).toMatchObject({ id: later.id, good: 3, strong: 2 });
    expect(second?.deadline).toEqual(new Date("2031-06-01"));
    expect(empty.id).toBe(coverage[2]?.id);
  });

  it("covers only the given city", async () => {
    const c = await city();
    await theme(c, "only", 1);
    const coverage = await getCoverage(c.slug);
    expect(coverage.map((t) => t.slug)).toEqual(["only"]);
    expect(await getCoverage(unique("nowhere"))).toEqual([]);
  });
});

describe("ranked list heads", () => {
  it("find a theme of the city and only published opportunities", async () => {
    const c = await city();
    const t = await theme(c, "head", 1);
    const published = await opportunity(t.id, "PUBLISHED");
    const draft = await opportunity(t.id, "DRAFT");
    const closed = await opportunity(t.id, "CLOSED");
    expect((await getOfficialTheme("head", c.slug))?.id).toBe(t.id);
    expect(await getOfficialTheme("head", unique("elsewhere"))).toBeNull();
    expect((await getOfficialOpportunity(published.slug, c.slug))?.theme.slug).toBe("head");
    expect(await getOfficialOpportunity(draft.slug, c.slug)).toBeNull();
    // Closing keeps the ranked list for officials.
    expect((await getOfficialOpportunity(closed.slug, c.slug))?.status).toBe("CLOSED");
    expect((await listThemeOpportunities(t.id)).map((o) => o.id)).toEqual([published.id]);
  });
});

describe("getSoughtTerms", () => {
  it("names the concepts an opportunity's text uses, in the reader's language when it has them", async () => {
    const c = await city();
    await theme(c, "sought", 1);
    const text = {
      titleEn: "Probiotic strains from fermented milk",
      titleZh: "发酵乳中的益生菌菌株",
      descriptionEn: "We look for partners on probiotic strains.",
      descriptionZh: "寻求益生菌方面的合作伙伴。",
    };
    const en = await getSoughtTerms(text, "en", c.slug);
    const zh = await getSoughtTerms(text, "zh", c.slug);
    expect(en.get("probiotics")).toContain("probiotic strains");
    expect(en.get("probiotics")?.every((term) => /^[\x20-\x7e]+$/.test(term))).toBe(true);
    expect(zh.get("probiotics")).toContain("益生菌");
    expect([...en.keys()].some((id) => id.startsWith("theme:"))).toBe(false);
  });
});

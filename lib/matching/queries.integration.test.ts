import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CooperationType, OpportunityStatus } from "@/lib/generated/prisma/enums";
import { uniqueSuffix } from "@/lib/testing/databases";
import { createOrganisation } from "@/lib/testing/factories";
import {
  containsPattern,
  countMatchScores,
  findOpportunityConcepts,
  getThemeNames,
  getThemeScores,
  listSuggestedOpportunities,
} from "./queries";
import { parseSuggestionState, SUGGESTIONS_PAGE_SIZE } from "./schema";
import { buildIndex } from "./targets";
import { prepareText } from "./text";

// "Today" for every query here: deadlines are whole days in UTC.
const NOW = new Date("2030-06-15T10:00:00Z");
const day = (offset: number) => new Date(Date.UTC(2030, 5, 15 + offset));

let citySlug = "";
let ours = "";
let theirs = "";
const themeIds: Record<string, string> = {};
const slugs: Record<string, string> = {};

const explanation = (label: string) => ({
  factors: [{ key: "concepts", points: 30, max: 40 }],
  concepts: [{ id: "herd-health", weight: 1, terms: [label] }],
  nearMisses: [{ key: "declareTheme", gain: 15 }],
});

async function opportunity(
  key: string,
  data: {
    theme: "dairy" | "materials";
    titleEn: string;
    titleZh?: string;
    descriptionEn?: string;
    deadline?: Date | null;
    status?: OpportunityStatus;
    cooperationTypes?: CooperationType[];
  },
) {
  const slug = `${key}-${uniqueSuffix()}`;
  slugs[key] = slug;
  return db.opportunity.create({
    data: {
      slug,
      themeId: themeIds[data.theme]!,
      titleEn: data.titleEn,
      titleZh: data.titleZh ?? `机会${key}`,
      descriptionEn: data.descriptionEn ?? "A cooperation opportunity.",
      descriptionZh: "合作机会。",
      cooperationTypes: data.cooperationTypes ?? ["JOINT_RD"],
      partnerTypes: [],
      trlMin: 3,
      trlMax: 6,
      deadline: data.deadline === undefined ? null : data.deadline,
      status: data.status ?? "PUBLISHED",
      hostNameEn: `Host ${key}`,
      hostNameZh: `发布方${key}`,
      hostType: "ENTERPRISE",
    },
  });
}

async function score(
  organisationId: string,
  targetKind: "THEME" | "OPPORTUNITY",
  targetId: string,
  value: number,
  label = "udder health",
) {
  await db.matchScore.create({
    data: {
      organisationId,
      targetKind,
      targetId,
      score: value,
      explanation: JSON.stringify(explanation(label)),
      computedAt: NOW,
    },
  });
}

beforeAll(async () => {
  // Our own city, so that other tests' themes and opportunities cannot leak in.
  citySlug = `city-${uniqueSuffix()}`;
  const city = await db.city.create({
    data: {
      slug: citySlug,
      nameEn: "Test city",
      nameZh: "测试城市",
      regionEn: "Region",
      regionZh: "地区",
      countryCode: "CN",
      summaryEn: "Summary",
      summaryZh: "简介",
    },
  });
  const area = await db.cooperationArea.create({
    data: {
      cityId: city.id,
      slug: "area",
      order: 1,
      nameEn: "Area",
      nameZh: "领域",
      descriptionEn: "Area",
      descriptionZh: "领域",
    },
  });
  for (const [order, slug] of ["dairy", "materials", "health"].entries()) {
    const theme = await db.theme.create({
      data: {
        cityId: city.id,
        areaId: area.id,
        slug,
        order,
        nameEn: `Theme ${slug}`,
        nameZh: `主题${slug}`,
        descriptionEn: slug,
        descriptionZh: "主题",
        keywordsEn: [slug],
        keywordsZh: ["主题"],
      },
    });
    themeIds[slug] = theme.id;
  }
  ours = (await createOrganisation(db)).id;
  theirs = (await createOrganisation(db)).id;

  const a = await opportunity("a", {
    theme: "dairy",
    titleEn: "Probiotic starter cultures",
    titleZh: "益生菌发酵剂",
    deadline: day(10),
    cooperationTypes: ["JOINT_RD", "TECHNOLOGY_TRANSFER"],
  });
  const b = await opportunity("b", {
    theme: "dairy",
    titleEn: "Automatic milking",
    descriptionEn: "Sensors for 100% of the herd_size in barns.",
    deadline: day(60),
  });
  const c = await opportunity("c", {
    theme: "materials",
    titleEn: "Cathode materials",
    deadline: null,
    cooperationTypes: ["PILOT_DEMONSTRATION"],
  });
  const d = await opportunity("d", {
    theme: "materials",
    titleEn: "Basalt fibre",
    deadline: day(0),
  });
  // Not listed: a draft, a closed one, one past its deadline.
  const draft = await opportunity("draft", { theme: "dairy", titleEn: "Draft", status: "DRAFT" });
  const closed = await opportunity("closed", {
    theme: "dairy",
    titleEn: "Closed",
    status: "CLOSED",
  });
  const past = await opportunity("past", { theme: "dairy", titleEn: "Past", deadline: day(-1) });

  await score(ours, "OPPORTUNITY", a.id, 80, "probiotics");
  await score(ours, "OPPORTUNITY", b.id, 55);
  await score(ours, "OPPORTUNITY", c.id, 40);
  await score(ours, "OPPORTUNITY", d.id, 55);
  for (const hidden of [draft, closed, past]) await score(ours, "OPPORTUNITY", hidden.id, 99);
  await score(ours, "THEME", themeIds.materials!, 61);
  await score(ours, "THEME", themeIds.dairy!, 72);
  // Another organisation: scores on the same and other opportunities, never ours to see.
  await score(theirs, "OPPORTUNITY", a.id, 20, "their secret words");
  await score(theirs, "OPPORTUNITY", c.id, 100, "their secret words");
  await score(theirs, "THEME", themeIds.health!, 90);
  // 14 more, for paging: "zz-00" … "zz-13", score 50 each.
  for (let i = 0; i < 14; i++) {
    const extra = await opportunity(`zz${i}`, {
      theme: "materials",
      titleEn: `zz-${String(i).padStart(2, "0")} paging`,
      deadline: day(200 + i),
    });
    await score(ours, "OPPORTUNITY", extra.id, 50);
    await score(theirs, "OPPORTUNITY", extra.id, 90);
  }
});

const list = (query: string, locale: "en" | "zh" = "en", organisationId = ours) =>
  listSuggestedOpportunities(
    { organisationId },
    parseSuggestionState(new URLSearchParams(query)),
    locale,
    { citySlug, now: NOW },
  );

const titles = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((r) => r.title);

describe("listSuggestedOpportunities", () => {
  it("lists only the caller's scores of published, open opportunities, best first", async () => {
    const page = await list("");
    expect(page.total).toBe(18);
    expect(page.pages).toBe(2);
    expect(page.rows).toHaveLength(SUGGESTIONS_PAGE_SIZE);
    // 55 twice: the sooner deadline first.
    expect(titles(page).slice(0, 4)).toEqual([
      "Probiotic starter cultures",
      "Basalt fibre",
      "Automatic milking",
      "zz-00 paging",
    ]);
    expect(page.rows.map((r) => r.score).slice(0, 4)).toEqual([80, 55, 55, 50]);
    const first = page.rows[0]!;
    expect(first).toMatchObject({
      slug: slugs.a,
      hostName: "Host a",
      themeSlug: "dairy",
      themeName: "Theme dairy",
      cooperationTypes: ["JOINT_RD", "TECHNOLOGY_TRANSFER"],
      deadline: day(10),
    });
    expect(first.explanation.concepts[0]?.terms).toEqual(["probiotics"]);
    const all = [...page.rows, ...(await list("page=2")).rows];
    expect(all.map((r) => r.title)).not.toContain("Draft");
    expect(all.map((r) => r.title)).not.toContain("Closed");
    expect(all.map((r) => r.title)).not.toContain("Past");
  });

  it("never shows another organisation's scores or words", async () => {
    const mine = [...(await list("")).rows, ...(await list("page=2")).rows];
    expect(mine.find((r) => r.slug === slugs.c)?.score).toBe(40);
    expect(JSON.stringify(mine.map((r) => r.explanation))).not.toContain("their secret words");
    const theirsList = await list("", "en", theirs);
    expect(theirsList.total).toBe(16);
    expect(theirsList.rows[0]).toMatchObject({ slug: slugs.c, score: 100 });
    // No organisation: nothing.
    const none = await listSuggestedOpportunities(
      { organisationId: null },
      parseSuggestionState({}),
      "en",
      { citySlug, now: NOW },
    );
    expect(none.total).toBe(0);
  });

  it("sorts by score, deadline and title in both directions", async () => {
    expect((await list("dir=asc")).rows[0]?.score).toBe(40);
    expect(titles(await list("sort=deadline")).slice(0, 3)).toEqual([
      "Basalt fibre",
      "Probiotic starter cultures",
      "Automatic milking",
    ]);
    // Without a deadline comes last either way.
    const byDeadlineDesc = await list("sort=deadline&dir=desc&page=2");
    expect(titles(byDeadlineDesc).at(-1)).toBe("Cathode materials");
    expect(titles(await list("sort=deadline&dir=desc"))[0]).toBe("zz-13 paging");
    expect(titles(await list("sort=title")).slice(0, 3)).toEqual([
      "Automatic milking",
      "Basalt fibre",
      "Cathode materials",
    ]);
    expect(titles(await list("sort=title&dir=desc"))[0]).toBe("zz-13 paging");
  });

  it("gives titles, hosts and themes in the user's language", async () => {
    const zh = await list("", "zh");
    expect(zh.rows[0]).toMatchObject({
      title: "益生菌发酵剂",
      hostName: "发布方a",
      themeName: "主题dairy",
    });
  });

  it("filters by theme, cooperation type and deadline", async () => {
    expect(titles(await list("theme=dairy"))).toEqual([
      "Probiotic starter cultures",
      "Automatic milking",
    ]);
    expect((await list("theme=health")).total).toBe(0);
    expect((await list("theme=no-such-theme")).total).toBe(0);
    expect(titles(await list("coop=TECHNOLOGY_TRANSFER"))).toEqual(["Probiotic starter cultures"]);
    expect(titles(await list("coop=PILOT_DEMONSTRATION"))).toEqual(["Cathode materials"]);
    // Within 30 days: today's and the one in 10 days; within 90 also the one in 60.
    expect(titles(await list("deadline=30&sort=deadline"))).toEqual([
      "Basalt fibre",
      "Probiotic starter cultures",
    ]);
    expect((await list("deadline=90")).total).toBe(3);
    expect(titles(await list("theme=materials&deadline=30"))).toEqual(["Basalt fibre"]);
  });

  it("searches titles and descriptions in both languages, wildcards taken literally", async () => {
    expect(titles(await list("q=PROBIOTIC"))).toEqual(["Probiotic starter cultures"]);
    expect(titles(await list("q=益生菌"))).toEqual(["Probiotic starter cultures"]);
    expect(titles(await list("q=herd_size"))).toEqual(["Automatic milking"]);
    expect(titles(await list("q=100%25"))).toEqual(["Automatic milking"]);
    expect((await list("q=%25")).total).toBe(1);
    expect((await list("q=_")).total).toBe(1);
    expect((await list("q=nothing+like+this")).total).toBe(0);
    expect(titles(await list("q=paging&theme=dairy"))).toEqual([]);
  });

  it("pages by ten with the total, and a page past the end shows the last", async () => {
    const second = await list("page=2");
    expect(second).toMatchObject({ total: 18, page: 2, pages: 2 });
    expect(second.rows).toHaveLength(8);
    const first = await list("page=1");
    const seen = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(seen.size).toBe(18);
    const beyond = await list("page=9");
    expect(beyond.page).toBe(2);
    expect(titles(beyond)).toEqual(titles(second));
    const filtered = await list("q=paging&page=2");
    expect(filtered).toMatchObject({ total: 14, page: 2, pages: 2 });
    expect(filtered.rows).toHaveLength(4);
  });
});

describe("getThemeScores", () => {
  it("ranks all the city's themes for the caller, unscored last", async () => {
    const themes = await getThemeScores({ organisationId: ours }, { citySlug });
    expect(themes.map((t) => [t.slug, t.score])).toEqual([
      ["dairy", 72],
      ["materials", 61],
      // Scored 90 for the other organisation only.
      ["health", null],
    ]);
    expect(themes[0]?.explanation?.factors).toHaveLength(1);
    expect(themes[2]?.explanation).toBeNull();
    const other = await getThemeScores({ organisationId: theirs }, { citySlug });
    expect(other.map((t) => t.score)).toEqual([90, null, null]);
  });

  it("counts the caller's scores, and names the city's themes", async () => {
    expect(await countMatchScores({ organisationId: ours })).toBe(4 + 3 + 2 + 14);
    expect(await countMatchScores({ organisationId: null })).toBe(0);
    const names = await getThemeNames(citySlug);
    expect([...names.keys()]).toEqual(["dairy", "materials", "health"]);
    expect(names.get("dairy")).toEqual({ en: "Theme dairy", zh: "主题dairy" });
  });
});

describe("containsPattern", () => {
  it("escapes LIKE wildcards", () => {
    expect(containsPattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });
});

describe("findOpportunityConcepts", () => {
  const theme = {
    id: "t1",
    slug: "dairy",
    nameEn: "Dairy",
    nameZh: "乳业",
    keywordsEn: ["milk powder"],
    keywordsZh: ["奶粉"],
  };
  const text = {
    titleEn: "Milk powder plant",
    titleZh: "奶粉工厂",
    descriptionEn: "Spray drying of milk powder and mastitis control in dairy herds.",
    descriptionZh: "乳房炎防控。",
  };
  const direct = (index: ReturnType<typeof buildIndex>, t: typeof text) =>
    index.find(prepareText(t.titleEn, t.titleZh, t.descriptionEn, t.descriptionZh));

  it("finds what the index finds, once per text and index", () => {
    const index = buildIndex([theme]);
    const first = findOpportunityConcepts(index, text);
    expect([...first]).toEqual([...direct(index, text)]);
    expect(first.size).toBeGreaterThan(0);
    expect(findOpportunityConcepts(index, { ...text })).toBe(first);
    // An edited text is looked up again.
    const edited = { ...text, descriptionEn: "Cheese ripening caves." };
    expect([...findOpportunityConcepts(index, edited)]).toEqual([...direct(index, edited)]);
    // Another index (the theme keywords changed) does not reuse the first one's result.
    const other = buildIndex([{ ...theme, keywordsEn: ["spray drying"] }]);
    const again = findOpportunityConcepts(other, text);
    expect(again).not.toBe(first);
    expect([...again]).toEqual([...direct(other, text)]);
  });
});

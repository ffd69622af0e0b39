// The REST API over real route modules and a real PostgreSQL: each route's
// JSON parses with the schema the OpenAPI document declares, matches come
// best first with stable paging, and the token gate refuses what it must.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { MatchTargetKind, Role } from "@/lib/generated/prisma/enums";
import { type MatchTarget, scoreMatch } from "@/lib/matching/score";
import { unique } from "@/lib/testing/factories";
import {
  errorSchema,
  importErrorsSchema,
  importResultSchema,
  matchListSchema,
  opportunityListSchema,
  themeListSchema,
} from "./schemas";
import { createApiToken, revokeApiToken } from "./tokens";

// Everything here lives in a city of its own, so lists and counts are exact.
const CITY = unique("apicity");
process.env.CITY_SLUG = CITY;

// Imports queue re-scoring; no queue runs in these tests.
vi.mock("@/lib/matching/jobs", () => ({
  requestOrganisationRescore: async () => {},
  requestRebuild: async () => {},
  requestTargetRescore: async () => {},
}));

// The route modules themselves (app/ is above lib/ for code, not for tests).
const themesRoute = await import("@/app/api/v1/themes/route");
const opportunitiesRoute = await import("@/app/api/v1/opportunities/route");
const themeMatchesRoute = await import("@/app/api/v1/themes/[slug]/matches/route");
const opportunityMatchesRoute = await import("@/app/api/v1/opportunities/[id]/matches/route");
const importRoute = await import("@/app/api/v1/organisations/import/route");
const openapiRoute = await import("@/app/api/v1/openapi.json/route");

const BASE = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };

function get(path: string, token?: string | null, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

async function json<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const body = await response.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new Error(`response does not match its schema: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

async function user(role: Role, status: "ACTIVE" | "DISABLED" = "ACTIVE") {
  return db.user.create({
    data: {
      email: `${unique(role.toLowerCase())}@test.example`,
      name: unique("Name"),
      role,
      status,
      emailVerifiedAt: new Date(),
    },
  });
}

async function tokenFor(role: Role = "OFFICIAL") {
  const owner = await user(role);
  const { token, id } = await createApiToken(db, {
    userId: owner.id,
    name: "test",
    actorId: owner.id,
  });
  return { token, id, owner };
}

const now = new Date();
const stored = (kind: "THEME" | "OPPORTUNITY") => {
  const target: MatchTarget = {
    kind,
    themeSlug: "x",
    concepts: new Map([["probiotics", 1]]),
    cooperationTypes: ["JOINT_RD"],
    partnerTypes: ["SME"],
    trlMin: 5,
    trlMax: 7,
  };
  const { factors, gate, concepts, nearMisses } = scoreMatch(
    {
      type: "UNIVERSITY",
      themeSlugs: [],
      trlMin: 1,
      trlMax: 2,
      cooperationTypes: [],
      languages: [],
      lastConfirmedAt: null,
      concepts: new Map([["probiotics", ["probiotic"]]]),
    },
    target,
    0.05,
    now,
  );
  return { factors, gate, concepts, nearMisses };
};

async function organisation(visibility: "consented" | "hidden" | "imported", name = unique("Org")) {
  return db.organisation.create({
    data: {
      name,
      type: "RESEARCH_INSTITUTE",
      country: "NL",
      description: "A test organisation.",
      externalRef: visibility === "imported" ? unique("ref") : null,
      origin: visibility === "imported" ? "IMPORTED" : "REGISTERED",
      consentedAt: visibility === "consented" ? new Date() : null,
    },
  });
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
      explanation: JSON.stringify(stored(kind)),
      computedAt: now,
    },
  });
}

let official: Awaited<ReturnType<typeof tokenFor>>;
let themeA: { id: string; slug: string };
let themeB: { id: string; slug: string };
const opportunities: Record<"published" | "closed" | "draft", { id: string }> = {} as never;
/** Visible organisations scored against theme A, best first by the expected order. */
let ranked: Array<{ id: string; score: number }>;

beforeAll(async () => {
  official = await tokenFor("OFFICIAL");
  const city = await db.city.create({
    data: {
      slug: CITY,
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
      cityId: city.id,
      slug: "area",
      order: 1,
      nameEn: "Agriculture",
      nameZh: "农业",
      descriptionEn: "An area.",
      descriptionZh: "一个领域。",
    },
  });
  const theme = (slug: string, order: number) =>
    db.theme.create({
      data: {
        cityId: city.id,
        areaId: area.id,
        slug,
        order,
        nameEn: `Theme ${slug}`,
        nameZh: `主题 ${slug}`,
        descriptionEn: "A theme.",
        descriptionZh: "一个主题。",
        keywordsEn: ["milk"],
        keywordsZh: ["牛奶"],
      },
    });
  themeB = await theme(unique("zeta"), 2);
  themeA = await theme(unique("alpha"), 1);
  const opportunity = (status: "DRAFT" | "PUBLISHED" | "CLOSED", publishedAt: Date | null) =>
    db.opportunity.create({
      data: {
        slug: unique("opp"),
        themeId: themeA.id,
        titleEn: `Opportunity ${status}`,
        titleZh: "合作机会",
        descriptionEn: "Something sought.",
        descriptionZh: "所需内容。",
        cooperationTypes: ["JOINT_RD"],
        partnerTypes: ["UNIVERSITY"],
        trlMin: 3,
        trlMax: 7,
        status,
        deadline: new Date("2026-09-30T00:00:00Z"),
        publishedAt,
        hostNameEn: "Host",
        hostNameZh: "发布方",
        hostType: "ENTERPRISE",
      },
    });
  opportunities.published = await opportunity("PUBLISHED", new Date("2026-03-02T00:00:00Z"));
  opportunities.closed = await opportunity("CLOSED", new Date("2026-01-02T00:00:00Z"));
  opportunities.draft = await opportunity("DRAFT", null);

  // Theme A: five visible organisations (two tied at 60), one hidden that scores best.
  const visible = [
    { org: await organisation("consented"), score: 80 },
    { org: await organisation("imported"), score: 60 },
    { org: await organisation("consented"), score: 60 },
    { org: await organisation("consented"), score: 55 },
    { org: await organisation("imported"), score: 40 },
  ];
  const hidden = await organisation("hidden");
  for (const { org, score: value } of visible) await score(org.id, "THEME", themeA.id, value);
  await score(hidden.id, "THEME", themeA.id, 95);
  await score(visible[0]!.org.id, "OPPORTUNITY", opportunities.published.id, 72);
  await score(hidden.id, "OPPORTUNITY", opportunities.published.id, 90);
  ranked = visible
    .map(({ org, score: value }) => ({ id: org.id, score: value }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
});

describe("GET /api/v1/themes", () => {
  it("lists the city's themes in order, with counts of visible good and strong matches", async () => {
    const response = await themesRoute.GET(get("/api/v1/themes", official.token), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const { data } = await json(response, themeListSchema);
    expect(data.map((t) => t.slug)).toEqual([themeA.slug, themeB.slug]);
    expect(data[0]).toMatchObject({
      name: `Theme ${themeA.slug}`,
      nameZh: `主题 ${themeA.slug}`,
      keywords: ["milk"],
      keywordsZh: ["牛奶"],
      area: { slug: "area", name: "Agriculture", nameZh: "农业", order: 1 },
      // 80, 60, 60, 55 score 50 or more; only 80 is 70 or more; the hidden 95 is not counted.
      matches: { good: 4, strong: 1 },
    });
    expect(data[1]!.matches).toEqual({ good: 0, strong: 0 });
  });
});

describe("GET /api/v1/opportunities", () => {
  it("lists published and closed ones, never drafts, newest first, with total", async () => {
    const response = await opportunitiesRoute.GET(
      get("/api/v1/opportunities", official.token),
      noParams,
    );
    expect(response.status).toBe(200);
    const body = await json(response, opportunityListSchema);
    expect(body.total).toBe(2);
    expect(body.data.map((o) => o.id)).toEqual([
      opportunities.published.id,
      opportunities.closed.id,
    ]);
    expect(body.data[0]).toMatchObject({
      theme: themeA.slug,
      status: "PUBLISHED",
      deadline: "2026-09-30",
      publishedAt: "2026-03-02T00:00:00.000Z",
      cooperationTypes: ["JOINT_RD"],
      partnerTypes: ["UNIVERSITY"],
    });
  });

  it("filters by status and theme and pages with limit and offset", async () => {
    const closed = await json(
      await opportunitiesRoute.GET(
        get("/api/v1/opportunities?status=CLOSED", official.token),
        noParams,
      ),
      opportunityListSchema,
    );
    expect(closed.data.map((o) => o.id)).toEqual([opportunities.closed.id]);
    const other = await json(
      await opportunitiesRoute.GET(
        get(`/api/v1/opportunities?theme=${themeB.slug}`, official.token),
        noParams,
      ),
      opportunityListSchema,
    );
    expect(other).toEqual({ data: [], total: 0 });
    const second = await json(
      await opportunitiesRoute.GET(
        get("/api/v1/opportunities?limit=1&offset=1", official.token),
        noParams,
      ),
      opportunityListSchema,
    );
    expect(second.total).toBe(2);
    expect(second.data.map((o) => o.id)).toEqual([opportunities.closed.id]);
  });

  it("refuses a bad filter with the field named", async () => {
    const response = await opportunitiesRoute.GET(
      get("/api/v1/opportunities?status=DRAFT", official.token),
      noParams,
    );
    expect(response.status).toBe(400);
    const { error } = await json(response, errorSchema);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fields).toHaveProperty("status");
  });
});

describe("GET /api/v1/themes/{slug}/matches", () => {
  const call = (query: string, slug = themeA.slug, token: string | null = official.token) =>
    themeMatchesRoute.GET(get(`/api/v1/themes/${slug}/matches${query}`, token), {
      params: Promise.resolve({ slug }),
    });

  it("lists visible organisations best first, ties by id, with total and the stored explanation", async () => {
    const response = await call("");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await json(response, matchListSchema);
    expect(body.total).toBe(5);
    expect(body.data.map((m) => [m.organisation.id, m.score])).toEqual(
      ranked.map((r) => [r.id, r.score]),
    );
    const imported = body.data.find((m) => m.organisation.externalRef !== null);
    expect(imported?.organisation.externalRef).toMatch(/^ref-/);
    expect(body.data[0]!.organisation).toMatchObject({ country: "NL", type: "RESEARCH_INSTITUTE" });
    expect(body.data[0]!.explanation.nearMisses.length).toBeGreaterThan(0);
    expect(body.data[0]!.explanation.factors.map((f) => f.key)).toContain("concepts");
  });

  it("pages without repeating or skipping, even across equal scores", async () => {
    const pages = [];
    for (const offset of [0, 2, 4]) {
      const body = await json(await call(`?limit=2&offset=${offset}`), matchListSchema);
      expect(body.total).toBe(5);
      pages.push(...body.data.map((m) => m.organisation.id));
    }
    expect(pages).toEqual(ranked.map((r) => r.id));
    const past = await json(await call("?offset=10"), matchListSchema);
    expect(past).toEqual({ data: [], total: 5 });
  });

  it("refuses limits out of range and unknown parameters with a structured error", async () => {
    for (const [query, field] of [
      ["?limit=201", "limit"],
      ["?limit=0", "limit"],
      ["?offset=-1", "offset"],
      ["?limit=abc", "limit"],
      ["?page=2", "page"],
      ["?limit=5&limit=6", "limit"],
    ] as const) {
      const response = await call(query);
      expect(response.status, query).toBe(400);
      const { error } = await json(response, errorSchema);
      expect(error.fields, query).toHaveProperty([field]);
    }
  });

  it("answers 404 for a theme of another city or none", async () => {
    const response = await call("", "no-such-theme");
    expect(response.status).toBe(404);
    expect((await json(response, errorSchema)).error.code).toBe("NOT_FOUND");
  });
});

describe("GET /api/v1/opportunities/{id}/matches", () => {
  const call = (id: string) =>
    opportunityMatchesRoute.GET(get(`/api/v1/opportunities/${id}/matches`, official.token), {
      params: Promise.resolve({ id }),
    });

  it("lists the visible matches of a published opportunity", async () => {
    const response = await call(opportunities.published.id);
    expect(response.status).toBe(200);
    const body = await json(response, matchListSchema);
    expect(body.total).toBe(1);
    expect(body.data.map((m) => m.score)).toEqual([72]);
  });

  it("answers 404 for a draft", async () => {
    expect((await call(opportunities.draft.id)).status).toBe(404);
  });
});

describe("the token gate", () => {
  const themes = (token: string | null, headers: Record<string, string> = {}) =>
    themesRoute.GET(get("/api/v1/themes", token, headers), noParams);

  async function expect401(response: Response) {
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect((await json(response, errorSchema)).error.code).toBe("UNAUTHENTICATED");
  }

  it("answers 401 with WWW-Authenticate without a token, with a bad one or another scheme", async () => {
    await expect401(await themes(null));
    await expect401(await themes(`bh_${"A".repeat(43)}`));
    await expect401(await themes("not-a-token"));
    await expect401(await themes(null, { Authorization: `Basic ${official.token}` }));
  });

  it("answers 401 once a token is revoked or expired, or its owner disabled", async () => {
    const { token, id, owner } = await tokenFor("OFFICIAL");
    expect((await themes(token)).status).toBe(200);
    await revokeApiToken(db, { tokenId: id, ownerId: owner.id, actorId: owner.id });
    await expect401(await themes(token));

    const expiring = await tokenFor("ADMIN");
    expect((await themes(expiring.token)).status).toBe(200);
    await db.apiToken.update({
      where: { id: expiring.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect401(await themes(expiring.token));

    const disabled = await tokenFor("OFFICIAL");
    await db.user.update({ where: { id: disabled.owner.id }, data: { status: "DISABLED" } });
    await expect401(await themes(disabled.token));
  });

  it("answers 403 to a partner's token, and to a token whose owner became a partner", async () => {
    const partner = await user("PARTNER");
    const raw = `bh_${Buffer.alloc(32, 7).toString("base64url")}`;
    const { hashApiToken } = await import("./tokens");
    await db.apiToken.create({
      data: {
        userId: partner.id,
        name: "x",
        prefix: raw.slice(0, 11),
        tokenHash: hashApiToken(raw),
      },
    });
    const response = await themes(raw);
    expect(response.status).toBe(403);
    expect((await json(response, errorSchema)).error.code).toBe("FORBIDDEN");

    const demoted = await tokenFor("OFFICIAL");
    await db.user.update({ where: { id: demoted.owner.id }, data: { role: "PARTNER" } });
    expect((await themes(demoted.token)).status).toBe(403);
  });

  it("records the last use at most once a minute", async () => {
    const { token, id } = await tokenFor("OFFICIAL");
    await themes(token);
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await themes(token);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    const old = new Date(Date.now() - 61_000);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: old } });
    await themes(token);
    const later = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!;
    expect(later.getTime()).toBeGreaterThan(old.getTime());
  });

  it("answers 429 with Retry-After past the per-token limit", async () => {
    const { token, id } = await tokenFor("OFFICIAL");
    await db.rateLimit.create({
      data: { key: `api:token:${id}`, count: 600, resetAt: new Date(Date.now() + 30_000) },
    });
    const response = await themes(token);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await json(response, errorSchema)).error.code).toBe("RATE_LIMITED");
  });
});

describe("POST /api/v1/organisations/import", () => {
  const post = (body: BodyInit, contentType: string, token: string | null = official.token) =>
    importRoute.POST(
      new Request(`${BASE}/api/v1/organisations/import`, {
        method: "POST",
        body,
        headers: {
          "Content-Type": contentType,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      }),
      noParams,
    );

  it("imports a CSV file and then updates by externalRef", async () => {
    const ref = unique("ext");
    const csv = (name: string) =>
      `externalRef,name,type,country,description\n${ref},${name},university,DE,A university that works on dairy science and food safety.\n`;
    const first = await post(csv(unique("Uni")), "text/csv");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    const created = await json(first, importResultSchema);
    expect(created).toMatchObject({ created: 1, updated: 0 });
    const name = unique("Renamed");
    const again = await json(await post(csv(name), "text/csv; charset=utf-8"), importResultSchema);
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const org = await db.organisation.findUniqueOrThrow({ where: { externalRef: ref } });
    expect(org).toMatchObject({ name, origin: "IMPORTED" });
    const run = await db.importRun.findUniqueOrThrow({ where: { id: again.runId } });
    expect(run).toMatchObject({ source: "api", createdById: official.owner.id, format: "CSV" });
  });

  it("imports JSON Lines", async () => {
    const line = JSON.stringify({
      name: unique("Inst"),
      type: "research_institute",
      country: "FR",
      description: "An institute for fermentation research and pilot plants.",
    });
    const response = await post(`${line}\n`, "application/x-ndjson");
    expect(response.status).toBe(200);
    expect(await json(response, importResultSchema)).toMatchObject({ created: 1, updated: 0 });
  });

  it("answers 422 with every row's errors and imports nothing", async () => {
    const name = unique("Never");
    const response = await post(
      `name,type,country,description\n${name},university,DE,A valid row of dairy research work.\nBad,spaceship,XX,short\n`,
      "text/csv",
    );
    expect(response.status).toBe(422);
    const { errors } = await json(response, importErrorsSchema);
    expect(errors.map((e) => e.field).sort()).toEqual(["country", "description", "type"]);
    expect(errors.every((e) => e.row === 2)).toBe(true);
    expect(await db.organisation.count({ where: { name } })).toBe(0);
  });

  it("refuses another content type, an empty body and a file over the limit", async () => {
    const wrong = await post("name\nx\n", "application/json");
    expect(wrong.status).toBe(400);
    expect((await json(wrong, errorSchema)).error.fields).toHaveProperty(["Content-Type"]);
    expect((await post("  \n", "text/csv")).status).toBe(400);
    const { IMPORT_MAX_BYTES } = await import("@/lib/import/run");
    const big = await post("x".repeat(IMPORT_MAX_BYTES + 1), "text/csv");
    expect(big.status).toBe(413);
    expect((await json(big, errorSchema)).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("is closed to a partner's and to no token", async () => {
    expect((await post("x", "text/csv", null)).status).toBe(401);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is public and cacheable", async () => {
    const response = await openapiRoute.GET(get("/api/v1/openapi.json"), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/themes/{slug}/matches");
  });
});

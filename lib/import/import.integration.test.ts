import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/gate";
import { db } from "@/lib/db";
import { createOrganisation, createUser, unique } from "@/lib/testing/factories";

process.env.NEXTAUTH_SECRET ??= "integration-tests-only-secret-0123456789";

const session = vi.hoisted(() => ({ caller: null as Caller | null }));
const queued = vi.hoisted(() => ({ runs: [] as Array<{ runId: string; locale: string }> }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ getAll: () => [] }),
}));
vi.mock("@/lib/auth/gate", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/gate")>()),
  getCaller: async () => session.caller,
}));
const rescores = vi.hoisted(() => ({ organisations: [] as string[], rebuilds: 0 }));
vi.mock("@/lib/matching/jobs", () => ({
  requestOrganisationRescore: async (id: string) => {
    rescores.organisations.push(id);
  },
  requestRebuild: async () => {
    rescores.rebuilds++;
  },
}));
vi.mock("./jobs", () => ({
  queueImportRun: async (runId: string, locale: string) => {
    queued.runs.push({ runId, locale });
  },
}));

const { importOrganisations, runStoredImport } = await import("./run");
const { postImport, getImport } = await import("./routes");

const HEADER = "externalRef,name,type,country,city,website,description,keywords,themes";
const DESCRIPTION =
  "Applied research on dairy fermentation, starter cultures and probiotic strains for yoghurt and cheese.";

let themeSlug: string;
let otherThemeSlug: string;

beforeAll(async () => {
  const city = await db.city.create({
    data: {
      slug: unique("city"),
      nameEn: "Importcity",
      nameZh: "导入市",
      regionEn: "Region",
      regionZh: "地区",
      countryCode: "CN",
      summaryEn: "A city for import tests.",
      summaryZh: "导入测试用城市。",
    },
  });
  const area = await db.cooperationArea.create({
    data: {
      cityId: city.id,
      slug: "area",
      order: 1,
      nameEn: "Area",
      nameZh: "领域",
      descriptionEn: "An area.",
      descriptionZh: "一个领域。",
    },
  });
  themeSlug = unique("dairy");
  otherThemeSlug = unique("materials");
  for (const [order, slug] of [themeSlug, otherThemeSlug].entries())
    await db.theme.create({
      data: {
        cityId: city.id,
        areaId: area.id,
        slug,
        order,
        nameEn: `Theme ${slug}`,
        nameZh: `主题 ${slug}`,
        descriptionEn: "A theme.",
        descriptionZh: "一个主题。",
        keywordsEn: ["dairy"],
        keywordsZh: ["乳制品"],
      },
    });
});

function row(values: Partial<Record<string, string>>) {
  const all: Record<string, string> = {
    name: unique("Org"),
    type: "research_institute",
    country: "DE",
    city: "Kiel",
    website: "https://org.example.de",
    description: DESCRIPTION,
    keywords: "dairy;probiotics",
    themes: themeSlug,
    ...values,
  };
  return HEADER.split(",")
    .map((f) => `"${(all[f] ?? "").replaceAll('"', '""')}"`)
    .join(",");
}

const csv = (...rows: string[]) => `${HEADER}\n${rows.join("\n")}\n`;

function importCsv(content: string, extra: { locale?: "en" | "zh" } = {}) {
  return importOrganisations(
    db,
    { content, format: "CSV", source: "cli", actorId: null, fileName: "test.csv", ...extra },
    { rescore: "skip" },
  );
}

describe("importOrganisations", () => {
  it("creates imported organisations with their themes and keywords, and records the run", async () => {
    const refs: [string, string, string] = [unique("ref"), unique("ref"), unique("ref")];
    const progress: string[] = [];
    const result = await importOrganisations(
      db,
      {
        content: csv(
          row({ externalRef: refs[0], name: "Institut für Milchforschung" }),
          row({
            externalRef: refs[1],
            name: "法中生物材料研究中心",
            themes: `${themeSlug};${otherThemeSlug}`,
          }),
          row({ externalRef: refs[2], keywords: '["乳制品","cheese"]', themes: "" }),
        ),
        format: "CSV",
        source: "ui",
        actorId: null,
        fileName: "three.csv",
      },
      { rescore: "inline", onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`) },
    );
    expect(result).toMatchObject({ ok: true, created: 3, updated: 0 });
    expect(progress).toContain("validating 3/3");
    expect(progress).toContain("importing 3/3");

    const orgs = await db.organisation.findMany({
      where: { externalRef: { in: refs } },
      include: { themes: { include: { theme: true } } },
      orderBy: { externalRef: "asc" },
    });
    expect(orgs).toHaveLength(3);
    const byRef = new Map(orgs.map((o) => [o.externalRef, o]));
    expect(orgs.every((o) => o.origin === "IMPORTED" && o.consentedAt === null)).toBe(true);
    expect(byRef.get(refs[0])!.name).toBe("Institut für Milchforschung");
    expect(byRef.get(refs[1])!.name).toBe("法中生物材料研究中心");
    expect(
      byRef
        .get(refs[1])!
        .themes.map((t) => t.theme.slug)
        .sort(),
    ).toEqual([themeSlug, otherThemeSlug].sort());
    expect(byRef.get(refs[2])!.keywords).toEqual(["乳制品", "cheese"]);
    expect(byRef.get(refs[2])!.themes).toEqual([]);
    // The re-score ran: the profile's concepts are computed.
    expect(byRef.get(refs[0])!.concepts.length).toBeGreaterThan(0);

    const run = await db.importRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({
      status: "SUCCEEDED",
      source: "ui",
      totalRows: 3,
      processedRows: 3,
      created: 3,
      updated: 0,
      content: null,
    });
    expect(run.finishedAt).not.toBeNull();
    const audit = await db.auditLog.findFirst({
      where: { entityType: "ImportRun", entityId: result.runId },
    });
    expect(audit).toMatchObject({ action: "organisations.import" });
  });

  it("changes nothing at all when one row is bad, and reports it in the requested language", async () => {
    const existingRef = unique("ref");
    await importCsv(csv(row({ externalRef: existingRef, name: "Before" })));
    const refs: [string, string] = [unique("ref"), unique("ref")];
    const before = await db.organisation.count();
    const result = await importCsv(
      csv(
        row({ externalRef: refs[0] }),
        row({ externalRef: existingRef, name: "After" }),
        row({ externalRef: refs[1], country: "US", themes: "missing-theme" }),
        row({ externalRef: unique("ref"), themes: "no-such-theme" }),
      ),
      { locale: "zh" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 3, field: "country", message: expect.stringContaining("未知国家") },
      { row: 3, field: "themes", message: expect.stringContaining("missing-theme") },
      { row: 4, field: "themes", message: expect.stringContaining("no-such-theme") },
    ]);
    expect(await db.organisation.count()).toBe(before);
    expect(
      (await db.organisation.findUniqueOrThrow({ where: { externalRef: existingRef } })).name,
    ).toBe("Before");
    const run = await db.importRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ status: "FAILED", created: 0, updated: 0, content: null });
    expect(run.errors).toEqual(result.errors);
  });

  it("updates an imported organisation on re-import of its externalRef instead of duplicating it", async () => {
    const ref = unique("ref");
    const first = await importCsv(
      csv(row({ externalRef: ref, name: "First name", themes: themeSlug })),
    );
    expect(first).toMatchObject({ ok: true, created: 1, updated: 0 });
    const second = await importCsv(
      csv(
        row({
          externalRef: ref,
          name: "Second name",
          city: "",
          themes: otherThemeSlug,
          type: "sme",
        }),
        row({ externalRef: unique("ref") }),
      ),
    );
    expect(second).toMatchObject({ ok: true, created: 1, updated: 1 });
    const orgs = await db.organisation.findMany({
      where: { externalRef: ref },
      include: { themes: { include: { theme: true } } },
    });
    expect(orgs).toHaveLength(1);
    expect(orgs[0]).toMatchObject({
      name: "Second name",
      city: null,
      type: "SME",
      origin: "IMPORTED",
    });
    expect(orgs[0]!.themes.map((t) => t.theme.slug)).toEqual([otherThemeSlug]);
  });

  it("refuses rows that name a registered organisation, or an imported one that members joined", async () => {
    const registered = await createOrganisation(db);
    const registeredRef = unique("ref");
    await db.organisation.update({
      where: { id: registered.id },
      data: { externalRef: registeredRef },
    });
    const claimedRef = unique("ref");
    await importCsv(csv(row({ externalRef: claimedRef })));
    const claimed = await db.organisation.findUniqueOrThrow({ where: { externalRef: claimedRef } });
    await createUser(db, { organisationId: claimed.id });

    const result = await importCsv(
      csv(
        row({ externalRef: unique("ref") }),
        row({ externalRef: registeredRef, name: "Overwritten" }),
        row({ externalRef: claimedRef, name: "Overwritten" }),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, "externalRef"],
      [3, "externalRef"],
    ]);
    expect(result.errors[0]!.message).toMatch(/registered organisation/);
    const after = await db.organisation.findUniqueOrThrow({ where: { id: registered.id } });
    expect(after.name).toBe(registered.name);
    expect(after.origin).toBe("REGISTERED");
  });

  it("writes progress that other connections can read while the transaction runs", async () => {
    const rows = Array.from({ length: 2500 }, () => row({ externalRef: unique("bulk") }));
    const seen: Array<Promise<number | undefined>> = [];
    let runId = "";
    const result = await importOrganisations(
      db,
      { content: csv(...rows), format: "CSV", source: "cli", actorId: null },
      {
        rescore: "skip",
        onProgress: ({ phase, done }) => {
          if (phase === "importing" && done === 2000 && runId === "") {
            seen.push(
              db.importRun
                .findFirst({
                  where: { status: "RUNNING", totalRows: 2500 },
                  orderBy: { createdAt: "desc" },
                })
                .then((r) => {
                  runId = r?.id ?? "";
                  return r?.processedRows;
                }),
            );
          }
        },
      },
    );
    expect(result).toMatchObject({ ok: true, created: 2500 });
    expect(await Promise.all(seen)).toEqual([1000]);
    expect(runId).toBe(result.runId);
  });

  it("runs a stored upload once, however often its job is delivered", async () => {
    const user = await createUser(db, { role: "OFFICIAL" });
    const ref = unique("ref");
    const run = await db.importRun.create({
      data: {
        createdById: user.id,
        format: "CSV",
        source: "ui",
        status: "PENDING",
        content: csv(row({ externalRef: ref })),
      },
    });
    const first = await runStoredImport(db, run.id, "en");
    expect(first).toMatchObject({ ok: true, created: 1 });
    const again = await runStoredImport(db, run.id, "en");
    expect(again).toMatchObject({ ok: true, created: 1 });
    const org = await db.organisation.findUniqueOrThrow({ where: { externalRef: ref } });
    // The job queued the new organisation's re-scoring, once.
    expect(rescores.organisations.filter((id) => id === org.id)).toHaveLength(1);
    const stored = await db.importRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored).toMatchObject({ status: "SUCCEEDED", content: null });
  });

  it("takes JSON Lines with Chinese text", async () => {
    const ref = unique("ref");
    const content = `${JSON.stringify({
      externalRef: ref,
      name: "呼和浩特乳业研究所",
      type: "research_institute",
      country: "FR",
      description:
        "研究乳制品发酵和益生菌菌株，拥有奶酪和酸奶中试工厂。Dairy fermentation research.",
      keywords: ["乳制品", "益生菌"],
      themes: [themeSlug],
    })}\n`;
    const result = await importOrganisations(
      db,
      { content, format: "JSONL", source: "api", actorId: null },
      { rescore: "skip" },
    );
    expect(result).toMatchObject({ ok: true, created: 1 });
    const org = await db.organisation.findUniqueOrThrow({ where: { externalRef: ref } });
    expect(org.name).toBe("呼和浩特乳业研究所");
    expect(org.keywords).toEqual(["乳制品", "益生菌"]);
  });
});

describe("upload route", () => {
  const callerOf = (u: {
    id: string;
    role: Caller["role"];
    email: string;
    name: string;
  }): Caller => ({
    userId: u.id,
    sessionId: "test-session",
    role: u.role,
    organisationId: null,
    email: u.email,
    name: u.name,
    locale: "en",
  });

  function upload(
    content: string,
    options: { name?: string; type?: string; origin?: string | null } = {},
  ) {
    const form = new FormData();
    form.set(
      "file",
      new File([content], options.name ?? "orgs.csv", { type: options.type ?? "text/csv" }),
    );
    form.set("locale", "zh");
    const headers = new Headers({ host: "localhost:3000" });
    if (options.origin !== null) headers.set("origin", options.origin ?? "http://localhost:3000");
    return postImport(
      new Request("http://localhost:3000/api/official/imports", {
        method: "POST",
        body: form,
        headers,
      }),
      { params: Promise.resolve({}) },
    );
  }

  it("refuses partners and visitors", async () => {
    const org = await createOrganisation(db);
    const partner = await createUser(db, { role: "PARTNER", organisationId: org.id });
    session.caller = { ...callerOf(partner), organisationId: org.id };
    const before = await db.importRun.count();
    expect((await upload(csv(row({})))).status).toBe(403);
    const status = await getImport(new Request("http://localhost:3000/api/official/imports/x"), {
      params: Promise.resolve({ id: "x" }),
    });
    expect(status.status).toBe(403);
    session.caller = null;
    expect((await upload(csv(row({})))).status).toBe(401);
    expect(await db.importRun.count()).toBe(before);
  });

  it("stores and queues an official's upload, and checks origin, type and size", async () => {
    const official = await createUser(db, { role: "OFFICIAL" });
    session.caller = callerOf(official);

    expect((await upload(csv(row({})), { origin: "https://evil.example" })).status).toBe(403);
    expect((await upload(csv(row({})), { origin: null })).status).toBe(403);
    expect((await upload("\u0089PNG", { name: "logo.png", type: "image/png" })).status).toBe(400);
    expect((await upload("x".repeat(21 * 1024 * 1024))).status).toBe(413);

    const response = await upload(csv(row({ externalRef: unique("ref") })));
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect(queued.runs.at(-1)).toEqual({ runId: id, locale: "zh" });
    const run = await db.importRun.findUniqueOrThrow({ where: { id } });
    expect(run).toMatchObject({
      status: "PENDING",
      source: "ui",
      format: "CSV",
      createdById: official.id,
    });
    expect(run.content).toContain("externalRef");

    const status = await getImport(
      new Request(`http://localhost:3000/api/official/imports/${id}`),
      {
        params: Promise.resolve({ id }),
      },
    );
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ id, status: "PENDING" });
  });
});

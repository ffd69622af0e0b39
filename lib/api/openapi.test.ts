import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type MatchTarget, scoreMatch } from "@/lib/matching/score";
import { buildOpenApiDocument } from "./openapi";
import {
  asDocumentedExplanation,
  explanationSchema,
  matchesQuerySchema,
  opportunityListQuerySchema,
} from "./schemas";

const ROUTES = path.resolve(__dirname, "../../app/api/v1");

/** Every route file of app/api/v1, as its OpenAPI path and the methods it exports. */
function routeFiles(dir = ROUTES): Array<{ path: string; methods: string[] }> {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    if (!/^route\.tsx?$/.test(name)) return [];
    const relative = path.relative(ROUTES, path.dirname(full)).split(path.sep).join("/");
    const apiPath = `/api/v1/${relative}`.replace(/\[(\w+)\]/g, "{$1}");
    const source = readFileSync(full, "utf8");
    const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) =>
      m[1]!.toLowerCase(),
    );
    return [{ path: apiPath, methods }];
  });
}

/** Every "$ref" in a JSON value, with where it sits. */
function refs(value: unknown, at = "#"): Array<{ ref: string; at: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, v]) =>
      key === "$ref" && typeof v === "string" ? [{ ref: v, at }] : refs(v, `${at}/${key}`),
    );
  return [];
}

function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>(
      (node, key) =>
        node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined,
      document,
    );
}

describe("the OpenAPI document", () => {
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument()));

  it("is OpenAPI 3.1 with info, a server and the bearer scheme", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document.servers).toHaveLength(1);
    expect(document.components.securitySchemes.bearerToken).toEqual(
      expect.objectContaining({ type: "http", scheme: "bearer" }),
    );
  });

  it("describes every route of app/api/v1, each method, and nothing else", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      expect(document.paths, file.path).toHaveProperty([file.path]);
      expect(file.methods.length, file.path).toBeGreaterThan(0);
      expect(Object.keys(document.paths[file.path]).sort(), file.path).toEqual(
        [...file.methods].sort(),
      );
    }
    expect(Object.keys(document.paths).sort()).toEqual(files.map((f) => f.path).sort());
  });

  it("declares a path parameter for every {name} in a path", () => {
    for (const [apiPath, operations] of Object.entries<
      Record<string, { parameters?: Array<{ name: string; in: string }> }>
    >(document.paths)) {
      const names = [...apiPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const operation of Object.values(operations)) {
        const declared = (operation.parameters ?? [])
          .filter((p) => p.in === "path")
          .map((p) => p.name);
        expect(declared.sort(), apiPath).toEqual(names.sort());
      }
    }
  });

  it("resolves every $ref", () => {
    const all = refs(document);
    expect(all.length).toBeGreaterThan(10);
    for (const { ref, at } of all) expect(resolve(document, ref), `${ref} at ${at}`).toBeDefined();
  });

  it("secures every endpoint but the document itself, with 401 and error schemas", () => {
    for (const [apiPath, operations] of Object.entries<Record<string, Record<string, unknown>>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        const responses = operation.responses as Record<string, { content?: unknown }>;
        if (apiPath === "/api/v1/openapi.json") {
          expect(operation.security).toEqual([]);
          continue;
        }
        expect(operation.security, `${method} ${apiPath}`).toEqual([{ bearerToken: [] }]);
        for (const status of ["200", "401", "403", "429"])
          expect(responses, `${method} ${apiPath}`).toHaveProperty([status]);
        expect(JSON.stringify(responses["401"])).toContain("#/components/schemas/Error");
      }
    }
  });

  it("describes the explanation precisely, not as any", () => {
    const explanation = document.components.schemas.Explanation;
    expect(explanation.required).toEqual(["factors", "concepts", "nearMisses"]);
    const nearMiss = document.components.schemas.NearMiss;
    expect(nearMiss.oneOf.length).toBe(10);
    expect(document.components.schemas.ImportRow.properties).toHaveProperty("externalRef");
  });
});

describe("API schemas", () => {
  const target: MatchTarget = {
    kind: "OPPORTUNITY",
    themeSlug: "dairy",
    concepts: new Map([
      ["probiotics", 1],
      ["cold-chain", 0.9],
    ]),
    cooperationTypes: ["JOINT_RD"],
    partnerTypes: ["SME"],
    trlMin: 7,
    trlMax: 9,
  };

  it("parse the engine's explanations, for both kinds of target", () => {
    const now = new Date("2026-05-01T00:00:00Z");
    for (const kind of ["OPPORTUNITY", "THEME"] as const) {
      const { factors, gate, concepts, nearMisses } = scoreMatch(
        {
          type: "UNIVERSITY",
          themeSlugs: [],
          trlMin: 2,
          trlMax: 3,
          cooperationTypes: ["CONSULTANCY_SERVICES"],
          languages: ["de"],
          lastConfirmedAt: null,
          concepts: new Map([["probiotics", ["probiotic strains"]]]),
        },
        { ...target, kind },
        0.1,
        now,
      );
      // What the engine stores (lib/matching/engine.ts explanationOf).
      const stored = JSON.parse(JSON.stringify({ factors, gate, concepts, nearMisses }));
      expect(nearMisses.length).toBeGreaterThan(2);
      const parsed = explanationSchema.strict().safeParse(asDocumentedExplanation(stored));
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    expect(
      explanationSchema.safeParse({ factors: "x", concepts: [], nearMisses: [] }).success,
    ).toBe(false);
  });

  it("page the ranked lists: 50 by default, 1 to 200, offset 0 or more", () => {
    expect(matchesQuerySchema.parse({})).toEqual({ limit: 50, offset: 0 });
    expect(matchesQuerySchema.parse({ limit: "200", offset: "400" })).toEqual({
      limit: 200,
      offset: 400,
    });
    for (const bad of [
      { limit: "201" },
      { limit: "0" },
      { limit: "1.5" },
      { limit: "ten" },
      { offset: "-1" },
      { page: "2" },
    ])
      expect(matchesQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("filter opportunities by status and theme", () => {
    expect(opportunityListQuerySchema.parse({ status: "CLOSED", theme: "dairy" })).toEqual({
      status: "CLOSED",
      theme: "dairy",
      limit: 50,
      offset: 0,
    });
    expect(opportunityListQuerySchema.safeParse({ status: "DRAFT" }).success).toBe(false);
    expect(opportunityListQuerySchema.safeParse({ theme: "Not a slug" }).success).toBe(false);
  });
});

import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { unique } from "@/lib/testing/factories";

// `npm run import` as operators run it: a child process on the test database.
const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "import-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(file: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/import.ts", file, ...args], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), LOG_LEVEL: "silent" },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

const DESCRIPTION = "Applied research on dairy fermentation and probiotic strains for cheese.";

describe("npm run import", () => {
  it("imports a good file, prints the summary and exits 0", async () => {
    const refs = [unique("cli"), unique("cli")];
    const file = path.join(dir, "good.csv");
    await writeFile(
      file,
      `externalRef,name,type,country,description,keywords\n${refs[0]},Kieler Milchinstitut,university,DE,${DESCRIPTION},dairy;cheese\n${refs[1]},里昂生物材料中心,sme,FR,${DESCRIPTION},乳制品\n`,
    );
    const result = await cli(file);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Imported: 2 created, 0 updated/);
    expect(result.stdout).toMatch(/Re-scoring the 2 imported organisations/);
    const orgs = await db.organisation.findMany({ where: { externalRef: { in: refs } } });
    expect(orgs.map((o) => o.name).sort()).toEqual(["Kieler Milchinstitut", "里昂生物材料中心"]);
    expect(orgs.every((o) => o.origin === "IMPORTED")).toBe(true);
  }, 90_000);

  it("lists the errors of a bad file row by row, changes nothing and exits 1", async () => {
    const ref = unique("cli");
    const file = path.join(dir, "bad.jsonl");
    await writeFile(
      file,
      `${JSON.stringify({ externalRef: ref, name: "Good Org", type: "sme", country: "DE", description: DESCRIPTION })}\n{broken\n${JSON.stringify({ name: "Bad Org", type: "spaceship", country: "DE", description: DESCRIPTION })}\n`,
    );
    const result = await cli(file, "--locale", "zh");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Nothing was imported/);
    expect(result.stderr).toMatch(/row 2: 此行不是有效的 JSON。/);
    expect(result.stderr).toMatch(/row 3, type: 未知类型/);
    expect(await db.organisation.count({ where: { externalRef: ref } })).toBe(0);
  }, 90_000);
});

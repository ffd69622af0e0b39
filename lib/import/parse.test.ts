import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importTranslator } from "./messages";
import { parseCsvFile, parseFile, parseJsonLinesFile } from "./parse";
import { detectFormat, sniffFormat } from "./run";
import { validateRecords } from "./validate";

const HEADER = "externalRef,name,type,country,city,website,description,keywords,themes";
const DESCRIPTION = "Applied research on dairy fermentation and probiotic strains.";

function check(content: string, format: "CSV" | "JSONL" = "CSV") {
  const parsed = parseFile(content, format);
  const validated = validateRecords(parsed.records);
  return { rows: validated.rows, errors: [...parsed.errors, ...validated.errors] };
}

/** [row, field, message key] of every error. */
function errorsOf(content: string, format: "CSV" | "JSONL" = "CSV") {
  return check(content, format).errors.map((e) => [e.row, e.field, e.message.split("?")[0]]);
}

const good = (overrides: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    externalRef: "r1",
    name: "Dairy Institute",
    type: "university",
    country: "DE",
    city: "Kiel",
    website: "https://dairy.example.de",
    description: DESCRIPTION,
    keywords: "dairy;probiotics",
    themes: "dairy",
    ...overrides,
  };
  return HEADER.split(",")
    .map((field) => `"${(values[field] ?? "").replaceAll('"', '""')}"`)
    .join(",");
};

describe("CSV", () => {
  it("reads quoted fields with commas, quotes and newlines, and strips a BOM", () => {
    const csv = `\uFEFF${HEADER}\r\nr1,"Uni ""Nord"", Kiel",university,de,Kiel,,"${DESCRIPTION}\nSecond line.",dairy; probiotics ;,dairy\r\n`;
    const { rows, errors } = check(csv);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({
      externalRef: "r1",
      name: 'Uni "Nord", Kiel',
      type: "UNIVERSITY",
      country: "DE",
      website: undefined,
      description: `${DESCRIPTION}\nSecond line.`,
      keywords: ["dairy", "probiotics"],
      themes: ["dairy"],
    });
  });

  it("splits keywords on semicolons and accepts a JSON array in a cell", () => {
    const { rows } = check(
      `${HEADER}\n${good({ keywords: "a1; b2;;A1" })}\n${good({ externalRef: "r2", keywords: '["乳制品","fermentation"]' })}`,
    );
    expect(rows.map((r) => r.data.keywords)).toEqual([
      ["a1", "b2"],
      ["乳制品", "fermentation"],
    ]);
  });

  it("keeps Chinese text intact", () => {
    const { rows } = check(`${HEADER}\n${good({ name: "法中生物材料研究中心", city: "里昂" })}`);
    expect(rows[0]!.data.name).toBe("法中生物材料研究中心");
    expect(rows[0]!.data.city).toBe("里昂");
  });

  it("reads semicolon-separated files as Excel saves them in many European locales", () => {
    const csv = `${HEADER.replaceAll(",", ";")}\nr1;Dairy Institute;sme;FR;;;"${DESCRIPTION}";"dairy;cheese";`;
    const { rows, errors } = check(csv);
    expect(errors).toEqual([]);
    expect(rows[0]!.data.keywords).toEqual(["dairy", "cheese"]);
  });

  it("refuses unknown and missing columns in the header (row 0)", () => {
    expect(errorsOf(`name,type,country,description,colour\nA,b,c,d,e`)).toEqual([
      [0, "colour", "unknownColumn"],
    ]);
    expect(errorsOf(`name,type,country\nA,sme,DE`)).toEqual([[0, "description", "missingColumn"]]);
  });

  it("matches column names without regard to case, and allows optional columns to be left out", () => {
    const { rows, errors } = check(
      `Name,TYPE,country,description\nDairy Institute,sme,de,"${DESCRIPTION}"`,
    );
    expect(errors).toEqual([]);
    expect(rows[0]!.data).toMatchObject({ name: "Dairy Institute", keywords: [], themes: [] });
  });

  it("reports a row with the wrong number of values, and skips rows of empty cells", () => {
    const csv = `${HEADER}\n${good()}\n,,,,,,,,\nr3,only,three`;
    expect(errorsOf(csv)).toEqual([[3, "", "columnCount"]]);
  });

  it("reports each invalid field with its row and field", () => {
    const csv = [
      HEADER,
      good(),
      good({ externalRef: "r2", name: "" }),
      good({ externalRef: "r3", type: "startup" }),
      good({ externalRef: "r4", country: "US" }),
      good({ externalRef: "r5", website: "ftp://files.example.de" }),
      good({ externalRef: "r6", description: "Too short." }),
      good({
        externalRef: "r7",
        keywords: Array.from({ length: 31 }, (_, i) => `kw${i}`).join(";"),
      }),
      good({ externalRef: "r8", keywords: "ok;x" }),
      good({ externalRef: "r9", themes: "Not A Slug" }),
      good({ externalRef: "r1" }),
      good({ externalRef: "r11", city: "Kiel\u0007" }),
    ].join("\n");
    expect(errorsOf(csv)).toEqual([
      [2, "name", "required"],
      [3, "type", "type"],
      [4, "country", "country"],
      [5, "website", "url"],
      [6, "description", "tooShort"],
      [7, "keywords", "tooManyKeywords"],
      [8, "keywords", "item"],
      [9, "themes", "item"],
      [10, "externalRef", "duplicateRef"],
      [11, "city", "controlCharacters"],
    ]);
  });

  it("reports a broken file instead of crashing", () => {
    expect(errorsOf(`${HEADER}\nr1,"unclosed,sme`)).toEqual([[0, "", "csvInvalid"]]);
    expect(errorsOf("")).toEqual([[0, "", "empty"]]);
    expect(errorsOf(`${HEADER}\n`)).toEqual([[0, "", "empty"]]);
  });

  it("accepts the downloadable example files", () => {
    for (const [file, format] of [
      ["organisations-example.csv", "CSV"],
      ["organisations-example.jsonl", "JSONL"],
    ] as const) {
      const content = readFileSync(
        new URL(`../../public/examples/${file}`, import.meta.url),
        "utf8",
      );
      const { rows, errors } = check(content, format);
      expect(errors).toEqual([]);
      expect(rows).toHaveLength(3);
      expect(rows.some((r) => /[\u4e00-\u9fff]/.test(r.data.name))).toBe(true);
    }
  });
});

describe("JSON Lines", () => {
  const line = (values: Record<string, unknown>) =>
    JSON.stringify({
      name: "Dairy Institute",
      type: "sme",
      country: "FR",
      description: DESCRIPTION,
      ...values,
    });

  it("reads one object per line with keyword arrays, numbering rows by line", () => {
    const content = `\uFEFF${line({ keywords: ["乳制品", "cheese"], themes: ["dairy"], city: null })}\n\n${line({ externalRef: 42 })}\r\n`;
    const { rows, errors } = check(content, "JSONL");
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([1, 3]);
    expect(rows[0]!.data.keywords).toEqual(["乳制品", "cheese"]);
    expect(rows[1]!.data.externalRef).toBe("42");
  });

  it("reports a bad JSON line, a line that is not an object and unknown keys as row errors", () => {
    const content = [
      line({}),
      "{not json",
      "[1,2]",
      line({ colour: "blue" }),
      line({ keywords: "ab;cd" }),
    ].join("\n");
    expect(errorsOf(content, "JSONL")).toEqual([
      [2, "", "invalidJson"],
      [3, "", "notObject"],
      [4, "colour", "unknownField"],
    ]);
    expect(parseJsonLinesFile(content).records).toHaveLength(3);
  });

  it("refuses keywords that are neither a list nor text", () => {
    expect(errorsOf(line({ keywords: { a: 1 } }), "JSONL")).toEqual([[1, "keywords", "list"]]);
  });
});

describe("messages", () => {
  it("are translated into English and Chinese, with the item and its detail", () => {
    const csv = `${HEADER}\n${good({ keywords: "ok;x" })}`;
    const [error] = check(csv).errors;
    expect(importTranslator("en")(error!.message)).toBe(
      "Item 2: Please write at least 2 characters.",
    );
    expect(importTranslator("zh")(error!.message)).toBe("第 2 项：请至少填写 2 个字符。");
    expect(importTranslator("en")("somethingElse")).toBe("This value is not valid.");
  });
});

describe("detectFormat", () => {
  it("uses the content type, then the file name", () => {
    expect(detectFormat("text/csv; charset=utf-8")).toBe("CSV");
    expect(detectFormat("application/x-ndjson")).toBe("JSONL");
    expect(detectFormat("", "orgs.JSONL")).toBe("JSONL");
    expect(detectFormat(null, "orgs.ndjson")).toBe("JSONL");
    expect(detectFormat("application/octet-stream", "orgs.csv")).toBe("CSV");
    expect(detectFormat("image/png", "orgs.png")).toBeNull();
    expect(detectFormat("text/plain", "orgs.txt")).toBeNull();
    expect(sniffFormat('\uFEFF  {"name":"x"}')).toBe("JSONL");
    expect(sniffFormat("name,type")).toBe("CSV");
  });
});

it("parseCsvFile numbers data rows without the header", () => {
  expect(
    parseCsvFile(`${HEADER}\n${good()}\n${good({ externalRef: "r2" })}`).records.map((r) => r.row),
  ).toEqual([1, 2]);
});

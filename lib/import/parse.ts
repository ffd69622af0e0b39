// Turns an uploaded file into records (field -> raw value) and the errors
// found while reading it. Rows are numbered as users see them: CSV counts
// data rows (the header is row 0 and not counted), JSON Lines counts lines.
// Messages are keys of "import.errors" (with "?param=value"), translated by
// the caller.
import { parse as parseCsv } from "csv-parse/sync";
import { msg } from "@/lib/validation/fields";
import { IMPORT_FIELDS, type ImportField, REQUIRED_FIELDS } from "./schema";

export type ImportFormat = "CSV" | "JSONL";

/** An error before translation: `message` is a key of "import.errors" with its parameters. */
export type RawRowError = { row: number; field: string; message: string };

export type ParsedRecord = { row: number; values: Record<string, unknown> };

export type ParsedFile = { records: ParsedRecord[]; errors: RawRowError[] };

const FIELD_LIST = IMPORT_FIELDS.join(", ");
const BOM = /^\uFEFF/;

/** Excel in many European locales saves ";"-separated CSV: the header line tells. */
function delimiterOf(content: string): string {
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ",";
}

function canonicalField(name: string): ImportField | null {
  const folded = name.trim().toLowerCase();
  return IMPORT_FIELDS.find((field) => field.toLowerCase() === folded) ?? null;
}

export function parseCsvFile(content: string): ParsedFile {
  const text = content.replace(BOM, "");
  let rows: string[][];
  try {
    rows = parseCsv(text, {
      delimiter: delimiterOf(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    const detail = error as { lines?: number; message?: string };
    const reason = (detail.message ?? "").replace(/^Invalid[^:]*:\s*/, "").slice(0, 200);
    return {
      records: [],
      errors: [
        { row: 0, field: "", message: msg("csvInvalid", { line: detail.lines ?? 1, reason }) },
      ],
    };
  }
  const [header, ...data] = rows;
  if (!header) return { records: [], errors: [{ row: 0, field: "", message: msg("empty") }] };

  const errors: RawRowError[] = [];
  const columns: Array<ImportField | null> = header.map((name) => {
    const field = canonicalField(name);
    if (!field && name.trim() !== "")
      errors.push({
        row: 0,
        field: name.trim(),
        message: msg("unknownColumn", { column: name.trim(), fields: FIELD_LIST }),
      });
    return field;
  });
  const seen = new Set<ImportField>();
  for (const field of columns) {
    if (!field) continue;
    if (seen.has(field))
      errors.push({ row: 0, field, message: msg("duplicateColumn", { column: field }) });
    seen.add(field);
  }
  for (const field of REQUIRED_FIELDS)
    if (!seen.has(field))
      errors.push({ row: 0, field, message: msg("missingColumn", { column: field }) });
  if (errors.length > 0) return { records: [], errors };

  const records: ParsedRecord[] = [];
  data.forEach((cells, index) => {
    const row = index + 1;
    // Excel leaves rows of empty cells below the data.
    if (cells.every((cell) => cell.trim() === "")) return;
    const extra = cells.slice(columns.length);
    if (cells.length < columns.length || extra.some((cell) => cell.trim() !== "")) {
      errors.push({
        row,
        field: "",
        message: msg("columnCount", { found: cells.length, expected: columns.length }),
      });
      return;
    }
    const values: Record<string, unknown> = {};
    columns.forEach((field, i) => {
      if (field) values[field] = cells[i];
    });
    records.push({ row, values });
  });
  if (records.length === 0 && errors.length === 0)
    errors.push({ row: 0, field: "", message: msg("empty") });
  return { records, errors };
}

export function parseJsonLinesFile(content: string): ParsedFile {
  const lines = content.replace(BOM, "").split(/\r\n|\n|\r/);
  const records: ParsedRecord[] = [];
  const errors: RawRowError[] = [];
  lines.forEach((line, index) => {
    const row = index + 1;
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      errors.push({ row, field: "", message: msg("invalidJson") });
      return;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      errors.push({
        row,
        field: "",
        message: msg("notObject", { example: '{"name": "…", "type": "sme", …}' }),
      });
      return;
    }
    records.push({ row, values: value as Record<string, unknown> });
  });
  if (records.length === 0 && errors.length === 0)
    errors.push({ row: 0, field: "", message: msg("empty") });
  return { records, errors };
}

export function parseFile(content: string, format: ImportFormat): ParsedFile {
  return format === "CSV" ? parseCsvFile(content) : parseJsonLinesFile(content);
}

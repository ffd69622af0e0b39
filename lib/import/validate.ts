// Checks every parsed record against the row schema and the rules that span
// rows (an externalRef appears once per file). Pure: the database checks
// (themes, registered organisations) are in run.ts.
import type { z } from "zod";
import { msg } from "@/lib/validation/fields";
import type { ParsedRecord, RawRowError } from "./parse";
import { IMPORT_FIELDS, type ImportRow, importRowSchema } from "./schema";

export type ValidRow = { row: number; data: ImportRow };

const FIELD_LIST = IMPORT_FIELDS.join(", ");

/** A zod message of ours ("tooShort?min=2"), or "invalid" for zod's own English defaults. */
function keyOf(issue: z.core.$ZodIssue): string {
  return /^[a-zA-Z]+(\?.*)?$/.test(issue.message) ? issue.message : "invalid";
}

export function issuesToErrors(row: number, issues: z.core.$ZodIssue[]): RawRowError[] {
  const errors: RawRowError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        errors.push({ row, field: key, message: msg("unknownField", { fields: FIELD_LIST }) });
      continue;
    }
    const [field, index] = issue.path;
    const name = typeof field === "string" ? field : "";
    const message =
      typeof index === "number" ? msg("item", { n: index + 1, inner: keyOf(issue) }) : keyOf(issue);
    // One message per field is enough (a missing value fails several checks).
    if (seen.has(name)) continue;
    seen.add(name);
    errors.push({ row, field: name, message });
  }
  return errors;
}

export function validateRecords(
  records: ParsedRecord[],
  onProgress?: (done: number) => void,
): { rows: ValidRow[]; errors: RawRowError[] } {
  const rows: ValidRow[] = [];
  const errors: RawRowError[] = [];
  const firstRowOfRef = new Map<string, number>();
  records.forEach((record, i) => {
    // Repeats are found on the raw value, so that a later copy of a row is
    // reported even when the row has other errors too.
    const raw = record.values.externalRef;
    const ref = typeof raw === "string" || typeof raw === "number" ? String(raw).trim() : "";
    const first = ref ? firstRowOfRef.get(ref) : undefined;
    if (ref && first === undefined) firstRowOfRef.set(ref, record.row);
    const result = importRowSchema.safeParse(record.values);
    const rowErrors = result.success ? [] : issuesToErrors(record.row, result.error.issues);
    if (first !== undefined && !rowErrors.some((e) => e.field === "externalRef"))
      rowErrors.unshift({
        row: record.row,
        field: "externalRef",
        message: msg("duplicateRef", { row: first }),
      });
    if (result.success && rowErrors.length === 0) rows.push({ row: record.row, data: result.data });
    else errors.push(...rowErrors);
    if (onProgress && ((i + 1) % 1000 === 0 || i + 1 === records.length)) onProgress(i + 1);
  });
  return { rows, errors };
}

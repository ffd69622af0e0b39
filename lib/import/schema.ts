// One row of an organisation import (CSV or JSON Lines), shared by the
// importer (lib/import/run.ts), the upload page's explanation and the REST
// API's OpenAPI document. Isomorphic: no Prisma import.
//
// Messages are keys of the "import.errors" namespace, with parameters after
// "?" (lib/validation/fields.ts msg()); the importer translates them.
import { z } from "zod";
import { COUNTRY_CODES } from "@/lib/organisations/countries";
import { keyword, LIMITS, ORGANISATION_TYPES } from "@/lib/organisations/schema";
import { msg, optionalHttpUrl, text } from "@/lib/validation/fields";

/** The columns (CSV) or keys (JSON Lines) of a row, in the example file's order. */
export const IMPORT_FIELDS = [
  "externalRef",
  "name",
  "type",
  "country",
  "city",
  "website",
  "description",
  "keywords",
  "themes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Columns a CSV file must have (a row must still give a value in each). */
export const REQUIRED_FIELDS = ["name", "type", "country", "description"] as const;

/** The type values of a file: the Prisma enum in lower case ("research_institute"). */
export const IMPORT_TYPES = ORGANISATION_TYPES.map((t) => t.toLowerCase()) as Lowercase<
  (typeof ORGANISATION_TYPES)[number]
>[];

export const IMPORT_LIMITS = {
  externalRefMax: 100,
  /** Shorter than a profile's minimum (100), but enough text to match on. */
  descriptionMin: 20,
  descriptionMax: LIMITS.descriptionMax,
  keywordsMax: LIMITS.keywordsMax,
  themesMax: LIMITS.themesMax,
} as const;

/** Text that must be given: empty says "required" rather than "too short". */
function requiredText(options: Parameters<typeof text>[0]) {
  return z
    .string({ error: msg("required") })
    .refine((s) => s.trim() !== "", { message: msg("required"), abort: true })
    .pipe(text(options));
}

const THEME_SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** null, a number or missing: the same as an empty cell. */
const blank = (value: unknown) =>
  value === null || value === undefined
    ? undefined
    : typeof value === "number"
      ? String(value)
      : value;

/** Optional one-line text: empty or missing becomes undefined. */
function optional(max: number) {
  return z.preprocess((value) => {
    const v = blank(value);
    return typeof v === "string" && v.trim() === "" ? undefined : v;
  }, text({ max }).optional());
}

/**
 * A list: a JSON array, or text separated by ";" (a CSV cell), where a cell
 * that starts with "[" may also hold a JSON array. Empty items are dropped.
 */
function list<T extends z.ZodType<string, unknown>>(item: T, max: number, tooMany: string) {
  return z.preprocess(
    (value) => {
      const v = blank(value);
      if (v === undefined) return [];
      if (typeof v === "string") {
        const trimmed = v.trim();
        if (trimmed.startsWith("[")) {
          try {
            return JSON.parse(trimmed) as unknown;
          } catch {
            return v; // not an array: refused below
          }
        }
        return trimmed
          .split(";")
          .map((s) => s.trim())
          .filter(Boolean);
      }
      if (Array.isArray(v)) return v.filter((s) => !(typeof s === "string" && s.trim() === ""));
      return v;
    },
    z
      .array(item, { error: msg("list") })
      .max(max, tooMany)
      .transform((values) => {
        const seen = new Set<string>();
        return values.filter((value) => {
          const folded = value.toLocaleLowerCase();
          if (seen.has(folded)) return false;
          seen.add(folded);
          return true;
        });
      }),
  );
}

export const importRowSchema = z.strictObject({
  externalRef: optional(IMPORT_LIMITS.externalRefMax),
  name: requiredText({ min: LIMITS.nameMin, max: LIMITS.nameMax }),
  type: z
    .string({ error: msg("required") })
    .transform((s) =>
      s
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
    )
    .pipe(
      z
        .string()
        .min(1, msg("required"))
        .pipe(z.enum(IMPORT_TYPES, { error: msg("type") })),
    )
    .transform((s) => s.toUpperCase() as (typeof ORGANISATION_TYPES)[number]),
  country: z
    .string({ error: msg("required") })
    .transform((s) => s.trim().toUpperCase())
    .pipe(
      z
        .string()
        .min(1, msg("required"))
        .pipe(z.enum(COUNTRY_CODES, { error: msg("country") })),
    ),
  city: optional(LIMITS.cityMax),
  website: z.preprocess(blank, optionalHttpUrl),
  description: requiredText({
    min: IMPORT_LIMITS.descriptionMin,
    max: IMPORT_LIMITS.descriptionMax,
    multiline: true,
  }),
  keywords: list(
    keyword,
    IMPORT_LIMITS.keywordsMax,
    msg("tooManyKeywords", { max: IMPORT_LIMITS.keywordsMax }),
  ),
  themes: list(
    z
      .string()
      .transform((s) => s.trim().toLowerCase())
      .pipe(z.string().max(100, msg("themeSlug")).regex(THEME_SLUG, msg("themeSlug"))),
    IMPORT_LIMITS.themesMax,
    msg("tooManyThemes", { max: IMPORT_LIMITS.themesMax }),
  ),
});

export type ImportRowInput = z.input<typeof importRowSchema>;
export type ImportRow = z.output<typeof importRowSchema>;

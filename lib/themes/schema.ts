// The officials' theme keyword form. Isomorphic: no Prisma import. Keywords
// come as text (one per line or separated by commas, also Chinese ones) or
// as a list; they are trimmed, inner spaces collapsed and repeats dropped
// ignoring case, keeping the first spelling.
import { z } from "zod";
import { id, msg } from "@/lib/validation/fields";

export const KEYWORD_LIMITS = { min: 1, max: 40, minLength: 2, maxLength: 60 } as const;

// C0 and C1 control characters (line breaks are separators, handled before).
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** Splits, trims and de-duplicates (case-insensitively) a keyword list. */
export function normaliseKeywords(input: string | readonly string[]): string[] {
  const parts = typeof input === "string" ? input.split(/[\n\r,，;；、]+/) : input;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const keyword = part.trim().replace(/[ \t\u3000]+/g, " ");
    if (!keyword) continue;
    const folded = keyword.toLocaleLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push(keyword);
  }
  return out;
}

const keywordList = z
  .union([z.string(), z.array(z.string())], { error: msg("required") })
  .transform((value) => normaliseKeywords(value))
  .superRefine((keywords, context) => {
    const bad = keywords.find((k) => CONTROL.test(k));
    if (bad) {
      context.addIssue({ code: "custom", message: msg("keywordInvalid", { keyword: bad }) });
      return;
    }
    const wrong = keywords.find(
      (k) => k.length < KEYWORD_LIMITS.minLength || k.length > KEYWORD_LIMITS.maxLength,
    );
    if (wrong) {
      context.addIssue({
        code: "custom",
        message: msg("keywordLength", {
          keyword: wrong.length > 30 ? `${wrong.slice(0, 30)}…` : wrong,
          min: KEYWORD_LIMITS.minLength,
          max: KEYWORD_LIMITS.maxLength,
        }),
      });
      return;
    }
    if (keywords.length < KEYWORD_LIMITS.min || keywords.length > KEYWORD_LIMITS.max)
      context.addIssue({
        code: "custom",
        message: msg("keywordsCount", { min: KEYWORD_LIMITS.min, max: KEYWORD_LIMITS.max }),
      });
  });

/** `updatedAt` is the version of the theme the official read: saving over a newer one is refused. */
export const themeKeywordsSchema = z.strictObject({
  themeId: id,
  updatedAt: z.iso.datetime({ offset: true }),
  keywordsEn: keywordList,
  keywordsZh: keywordList,
});
export type ThemeKeywordsInput = z.input<typeof themeKeywordsSchema>;
export type ThemeKeywordsValues = z.output<typeof themeKeywordsSchema>;

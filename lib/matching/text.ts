// Finding thesaurus terms in free text, in English and Chinese. English
// terms match on word boundaries (with simple plural forms); Chinese has no
// spaces, so Chinese terms match as substrings.

const HAN = /\p{Script=Han}/u;

export function isChinese(term: string): boolean {
  return HAN.test(term);
}

/** Lower case, punctuation to spaces, padded: " milk quality and whey " */
export function normaliseEnglish(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}+.]+/gu, " ")
    .replace(/\.(?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
}

/** The forms of an English term that count as the term. */
function forms(term: string): string[] {
  const base = normaliseEnglish(term).trim();
  if (!base) return [];
  const out = [base];
  if (!base.endsWith("s")) out.push(`${base}s`, `${base}es`);
  if (base.endsWith("y")) out.push(`${base.slice(0, -1)}ies`);
  return out;
}

const formCache = new Map<string, string[]>();

/** Whether a term occurs in a text prepared with `prepareText`. */
export function containsTerm(prepared: PreparedText, term: string): boolean {
  if (isChinese(term)) return prepared.raw.includes(term);
  let termForms = formCache.get(term);
  if (!termForms) {
    termForms = forms(term);
    formCache.set(term, termForms);
  }
  return termForms.some((form) => prepared.english.includes(` ${form} `));
}

export type PreparedText = { raw: string; english: string };

export function prepareText(...parts: Array<string | null | undefined | string[]>): PreparedText {
  const raw = parts
    .flat()
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join(" \n ");
  return { raw, english: normaliseEnglish(raw) };
}

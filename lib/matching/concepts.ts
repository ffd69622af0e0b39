// The thesaurus as an index: which concepts a text mentions, and by which words.
import { isChinese, normaliseEnglish, type PreparedText } from "./text";

export type ConceptDefinition = {
  id: string;
  labelEn: string;
  labelZh: string;
  /** How strongly the concept signals each theme (slug -> 0..1). */
  themes: Record<string, number>;
  en: string[];
  zh: string[];
};

/** Concept id -> the terms of it found in the text. */
export type ConceptHits = Map<string, string[]>;

const MAX_WORDS = 5;

export class ConceptIndex {
  readonly concepts: Map<string, ConceptDefinition>;
  /** English term form ("lactic acid bacteria") -> [concept id, original term]. */
  private readonly english = new Map<string, Array<[string, string]>>();
  private readonly chinese: Array<[string, string]> = [];

  constructor(definitions: ConceptDefinition[]) {
    this.concepts = new Map(definitions.map((d) => [d.id, d]));
    for (const concept of definitions) {
      for (const term of [...concept.en, ...concept.zh]) {
        if (isChinese(term)) {
          this.chinese.push([term, concept.id]);
          continue;
        }
        const base = normaliseEnglish(term).trim();
        if (!base || base.split(" ").length > MAX_WORDS) continue;
        const variants = new Set([base]);
        if (!base.endsWith("s")) variants.add(`${base}s`).add(`${base}es`);
        if (base.endsWith("y")) variants.add(`${base.slice(0, -1)}ies`);
        for (const form of variants) {
          const list = this.english.get(form) ?? [];
          if (!list.some(([id]) => id === concept.id)) list.push([concept.id, term]);
          this.english.set(form, list);
        }
      }
    }
    // Longest Chinese terms first, so that the reported term is the most specific one.
    this.chinese.sort((a, b) => b[0].length - a[0].length);
  }

  /** The concepts a text mentions. Runs in time linear in the text's words. */
  find(text: PreparedText): ConceptHits {
    const hits: ConceptHits = new Map();
    const add = (id: string, term: string) => {
      const terms = hits.get(id);
      if (!terms) hits.set(id, [term]);
      else if (!terms.includes(term)) terms.push(term);
    };
    const words = text.english.trim().split(" ");
    for (let i = 0; i < words.length; i++) {
      let phrase = "";
      for (let n = 0; n < MAX_WORDS && i + n < words.length; n++) {
        phrase = n === 0 ? words[i]! : `${phrase} ${words[i + n]}`;
        const found = this.english.get(phrase);
        if (found) for (const [id, term] of found) add(id, term);
      }
    }
    if (/\p{Script=Han}/u.test(text.raw)) {
      for (const [term, id] of this.chinese) if (text.raw.includes(term)) add(id, term);
    }
    return hits;
  }
}

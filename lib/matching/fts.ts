// PostgreSQL's `tsvector @@ tsquery` and `ts_rank(tsvector, tsquery, 32)`,
// evaluated here for the full rebuild only (lib/matching/engine.ts).
//
// The rebuild needs the text rank of about a million (organisation, target)
// pairs. Asked of PostgreSQL, each one re-checks the match on the row (the
// GIN index cannot check phrases) and ranks it: some 25 CPU-seconds, most of
// the rebuild's database time. The vectors and queries are PostgreSQL's own
// (its parser, stemmer, stop words and weights: `searchVector::text` and
// `websearch_to_tsquery(...)::text`); what is done here is only the
// arithmetic of src/backend/utils/adt/tsrank.c (calc_rank_or, normalisation
// 32) in single precision, step by step as the C code rounds, and the phrase
// semantics of tsvector_op.c for the query shapes the engine writes. Anything
// else (a query whose top is not an OR, negation, prefixes, weight filters)
// is refused with null and left to PostgreSQL. fts.integration.test.ts
// compares both, pair by pair, bit for bit.

const f32 = Math.fround;

/** Weights of D, C, B, A (tsrank.c `weights`), as single-precision values. */
const WEIGHTS = [f32(0.1), f32(0.2), f32(0.4), f32(1.0)] as const;
const WEIGHT_OF: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/** Lexemes as small integers, shared by the documents and queries of one rebuild. */
export class LexemeDictionary {
  private readonly ids = new Map<string, number>();
  readonly lexemes: string[] = [];
  idOf(lexeme: string): number {
    let id = this.ids.get(lexeme);
    if (id === undefined) {
      id = this.lexemes.length;
      this.ids.set(lexeme, id);
      this.lexemes.push(lexeme);
    }
    return id;
  }
  get size() {
    return this.lexemes.length;
  }
}

/**
 * One document, flat: its lexemes (dictionary ids) in PostgreSQL's order,
 * and for lexeme k the positions and weight classes (0 = D … 3 = A) at
 * starts[k] … starts[k + 1] - 1.
 */
export type ParsedVector = {
  ids: Int32Array;
  starts: Int32Array;
  positions: Int32Array;
  weights: Uint8Array;
};

/** Reads a quoted lexeme at `start` (on the opening quote): the text and the index after it. */
function readQuoted(text: string, start: number): [string, number] {
  let out = "";
  let i = start + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined) throw new Error("fts: unterminated lexeme");
    if (c === "\\") {
      out += text[i + 1];
      i += 2;
    } else if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
      } else return [out, i + 1];
    } else {
      out += c;
      i++;
    }
  }
}

/** The text form of a tsvector (`'milk':1A,5B 'whey':3`). */
export function parseTsVector(text: string, dictionary: LexemeDictionary): ParsedVector {
  const ids: number[] = [];
  const starts: number[] = [0];
  const positions: number[] = [];
  const weights: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === " ") {
      i++;
      continue;
    }
    const [lexeme, after] = readQuoted(text, i);
    i = after;
    if (text[i] === ":") {
      i++;
      for (;;) {
        let n = 0;
        let digits = 0;
        while (text[i]! >= "0" && text[i]! <= "9") {
          n = n * 10 + (text.charCodeAt(i) - 48);
          i++;
          digits++;
        }
        if (digits === 0) throw new Error("fts: position expected");
        let weight = 0;
        const w = text[i];
        if (w === "A" || w === "B" || w === "C" || w === "D") {
          weight = WEIGHT_OF[w]!;
          i++;
        }
        positions.push(n);
        weights.push(weight);
        if (text[i] !== ",") break;
        i++;
      }
    } else {
      // No positions (a stripped vector): ranked as one position of weight D, like tsrank.c's POSNULL.
      positions.push(0);
      weights.push(0);
    }
    ids.push(dictionary.idOf(lexeme));
    starts.push(positions.length);
  }
  return {
    ids: Int32Array.from(ids),
    starts: Int32Array.from(starts),
    positions: Int32Array.from(positions),
    weights: Uint8Array.from(weights),
  };
}

/** A query node of the supported shapes (lexemes as dictionary ids). */
export type QueryNode =
  | { op: "lexeme"; id: number }
  | { op: "or" | "and"; left: QueryNode; right: QueryNode }
  | { op: "phrase"; distance: number; left: QueryNode; right: QueryNode };

/**
 * The text form of a tsquery (`'dairi' <-> 'process' | 'uht'`), or null when
 * it holds something this module does not evaluate (negation, prefix or
 * weight filters, a phrase over anything but lexemes and phrases).
 * Precedence as PostgreSQL prints it: `!` > `<->` > `&` > `|`, parentheses
 * where needed; operators of one level associate to the left.
 */
export function parseTsQuery(text: string, dictionary: LexemeDictionary): QueryNode | null {
  type Token = { kind: "lexeme"; value: string } | { kind: "op"; value: string };
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " ") i++;
    else if (c === "'") {
      const [value, after] = readQuoted(text, i);
      if (text[after] === ":") return null; // prefix or weight filter
      tokens.push({ kind: "lexeme", value });
      i = after;
    } else if (c === "|" || c === "&" || c === "(" || c === ")" || c === "!") {
      tokens.push({ kind: "op", value: c });
      i++;
    } else if (c === "<") {
      const end = text.indexOf(">", i);
      if (end === -1) return null;
      tokens.push({ kind: "op", value: text.slice(i, end + 1) });
      i = end + 1;
    } else return null;
  }
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (value: string) => peek()?.kind === "op" && peek()!.value === value;
  const distanceOf = (token: Token | undefined) => {
    if (token?.kind !== "op" || !token.value.startsWith("<")) return null;
    if (token.value === "<->") return 1;
    const n = Number(token.value.slice(1, -1));
    return Number.isInteger(n) && n >= 0 ? n : null;
  };
  let unsupported = false;
  const primary = (): QueryNode | null => {
    const token = tokens[at++];
    if (!token) return null;
    if (token.kind === "lexeme") return { op: "lexeme", id: dictionary.idOf(token.value) };
    if (token.value === "(") {
      const inner = or();
      if (!isOp(")")) return null;
      at++;
      return inner;
    }
    unsupported = true; // "!" and anything unexpected
    return null;
  };
  const phrase = (): QueryNode | null => {
    let left = primary();
    for (let d = distanceOf(peek()); left && d !== null; d = distanceOf(peek())) {
      at++;
      const right = primary();
      if (!right) return null;
      // Phrases over lexemes and (left) phrases only: what websearch_to_tsquery writes.
      if (right.op !== "lexeme" || (left.op !== "lexeme" && left.op !== "phrase")) {
        unsupported = true;
        return null;
      }
      left = { op: "phrase", distance: d, left, right };
    }
    return left;
  };
  const and = (): QueryNode | null => {
    let left = phrase();
    while (left && isOp("&")) {
      at++;
      const right = phrase();
      if (!right) return null;
      left = { op: "and", left, right };
    }
    return left;
  };
  const or = (): QueryNode | null => {
    let left = and();
    while (left && isOp("|")) {
      at++;
      const right = and();
      if (!right) return null;
      left = { op: "or", left, right };
    }
    return left;
  };
  const tree = or();
  if (unsupported || !tree || at !== tokens.length) return null;
  return tree;
}

/**
 * A query ready to evaluate against many documents. calc_rank_or sums over
 * the query's distinct lexemes in PostgreSQL's sort order and divides by
 * their number; a document's lexemes come in that same order, so the sum
 * walks the document.
 */
export type CompiledQuery = {
  tree: QueryNode;
  /** How many distinct lexemes the query has. */
  operands: number;
  /** By dictionary id: 1 for the query's lexemes. */
  isOperand: Uint8Array;
  /** By dictionary id: 1 for a lexeme that is by itself one of the top OR's alternatives. */
  isAlternative: Uint8Array;
  /** The top OR's other alternatives (phrases, ANDs), checked only when no lexeme alternative is there. */
  complex: QueryNode[];
  /** By dictionary id: where the lexeme is in the document being evaluated (+1), for `stamp`. */
  slot: Int32Array;
  stampOf: Int32Array;
  stamp: number;
};

/**
 * A query this module can rank like ts_rank: its top node must be an OR or
 * a lexeme (calc_rank sends AND and phrase tops to calc_rank_and, not
 * implemented here). Null otherwise. Compile after the documents are parsed
 * (the dictionary must hold their lexemes).
 */
export function compileQuery(text: string, dictionary: LexemeDictionary): CompiledQuery | null {
  const tree = parseTsQuery(text, dictionary);
  if (!tree || (tree.op !== "or" && tree.op !== "lexeme")) return null;
  const isOperand = new Uint8Array(dictionary.size);
  let operands = 0;
  const walk = (node: QueryNode) => {
    if (node.op === "lexeme") {
      if (isOperand[node.id] === 0) operands++;
      isOperand[node.id] = 1;
    } else {
      walk(node.left);
      walk(node.right);
    }
  };
  walk(tree);
  const isAlternative = new Uint8Array(dictionary.size);
  const complex: QueryNode[] = [];
  const alternatives = (node: QueryNode) => {
    if (node.op === "or") {
      alternatives(node.left);
      alternatives(node.right);
    } else if (node.op === "lexeme") isAlternative[node.id] = 1;
    else complex.push(node);
  };
  alternatives(tree);
  return {
    tree,
    operands,
    isOperand,
    isAlternative,
    complex,
    slot: new Int32Array(dictionary.size),
    stampOf: new Int32Array(dictionary.size),
    stamp: 0,
  };
}

/** Index in the document of lexeme `id`, or -1 (valid for the current stamp). */
function indexIn(query: CompiledQuery, id: number) {
  return query.stampOf[id] === query.stamp ? query.slot[id]! : -1;
}

/** Whether the document's lexeme at index k occurs at `position`. */
function occursAt(doc: ParsedVector, k: number, position: number) {
  for (let i = doc.starts[k]!; i < doc.starts[k + 1]!; i++) {
    const p = doc.positions[i]!;
    if (p === position) return true;
    if (p > position) return false; // ascending
  }
  return false;
}

/**
 * Whether the phrase has a match ending at position `end` (TS_phrase_execute
 * for chains of lexemes: each `<N>` puts its right lexeme exactly N after
 * the end of its left side). Allocates nothing: it runs for millions of pairs.
 */
function phraseEndsAt(
  node: QueryNode,
  doc: ParsedVector,
  query: CompiledQuery,
  end: number,
): boolean {
  if (node.op === "lexeme") {
    const k = indexIn(query, node.id);
    return k >= 0 && occursAt(doc, k, end);
  }
  if (node.op !== "phrase" || node.right.op !== "lexeme")
    throw new Error("fts: unsupported phrase operand");
  const k = indexIn(query, node.right.id);
  return (
    k >= 0 && occursAt(doc, k, end) && phraseEndsAt(node.left, doc, query, end - node.distance)
  );
}

function phraseMatches(
  node: QueryNode & { op: "phrase" },
  doc: ParsedVector,
  query: CompiledQuery,
) {
  if (node.right.op !== "lexeme") throw new Error("fts: unsupported phrase operand");
  const k = indexIn(query, node.right.id);
  if (k < 0) return false;
  for (let i = doc.starts[k]!; i < doc.starts[k + 1]!; i++)
    if (phraseEndsAt(node.left, doc, query, doc.positions[i]! - node.distance)) return true;
  return false;
}

function matchesNode(node: QueryNode, doc: ParsedVector, query: CompiledQuery): boolean {
  switch (node.op) {
    case "lexeme":
      return indexIn(query, node.id) >= 0;
    case "or":
      return matchesNode(node.left, doc, query) || matchesNode(node.right, doc, query);
    case "and":
      return matchesNode(node.left, doc, query) && matchesNode(node.right, doc, query);
    case "phrase":
      return phraseMatches(node, doc, query);
  }
}

/**
 * `doc @@ query` and, when it matches, `ts_rank(doc, query, 32)` as
 * PostgreSQL returns it; 0 when it does not match (the engine ranks only
 * where the query matches).
 */
export function rankWhereMatches(doc: ParsedVector, query: CompiledQuery): number {
  query.stamp++;
  let any = false;
  let matched = false;
  for (let k = 0; k < doc.ids.length; k++) {
    const id = doc.ids[k]!;
    if (id < query.isOperand.length && query.isOperand[id] === 1) {
      query.stampOf[id] = query.stamp;
      query.slot[id] = k;
      any = true;
      if (query.isAlternative[id] === 1) matched = true;
    }
  }
  if (!any) return 0;
  if (!matched) matched = query.complex.some((node) => matchesNode(node, doc, query));
  if (!matched) return 0;
  // calc_rank_or, in single precision where the C code is.
  let res = 0;
  for (let k = 0; k < doc.ids.length; k++) {
    const id = doc.ids[k]!;
    if (id >= query.isOperand.length || query.isOperand[id] !== 1) continue;
    let resj = 0;
    let wjm = -1;
    let jm = 0;
    const first = doc.starts[k]!;
    const count = doc.starts[k + 1]! - first;
    for (let j = 0; j < count; j++) {
      const w = WEIGHTS[doc.weights[first + j]!]!;
      resj = f32(resj + f32(w / ((j + 1) * (j + 1))));
      if (w > wjm) {
        wjm = w;
        jm = j;
      }
    }
    // (float + float - float) / double, added to a float in double, stored as a float.
    const inner = f32(f32(wjm + resj) - f32(wjm / ((jm + 1) * (jm + 1))));
    res = f32(res + inner / 1.64493406685);
  }
  res = f32(res / query.operands);
  // calc_rank: a negative rank becomes 1e-20; normalisation 32 is rank / (rank + 1).
  if (res < 0) res = f32(1e-20);
  return asReturned(f32(res / f32(res + 1)));
}

/**
 * A float4 as the engine receives it from PostgreSQL: printed as the
 * shortest decimal that reads back as the same float4 (float4out), then
 * read as a double (0.1f arrives as 0.1, not 0.10000000149011612).
 */
function asReturned(value: number): number {
  // Most ranks need 7 to 9 digits: start at 6, and look for fewer only when 6 do.
  let digits = 6;
  if (f32(Number(value.toPrecision(digits))) === value) {
    while (digits > 1 && f32(Number(value.toPrecision(digits - 1))) === value) digits--;
  } else {
    while (digits < 9 && f32(Number(value.toPrecision(digits))) !== value) digits++;
  }
  return Number(value.toPrecision(digits));
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/lib/testing/databases";
import { seedDatabase } from "@/prisma/seed";
import { loadTargets } from "./engine";
import { LABELLED_ORGANISATIONS } from "./eval/labelled-organisations";
import { compileQuery, LexemeDictionary, parseTsVector, rankWhereMatches } from "./fts";
import { orQuery } from "./targets";

let db: Db;
let drop: () => Promise<void>;

// Wording that exercises the parser and the phrase rules: stop words inside
// phrases, hyphenated compounds, repeated words, quotes and backslashes.
const AWKWARD = [
  "Milk of magnesia and milk powder; the milk of the herd. Lactose-free UHT milk, lactose free.",
  "O'Brien's dairy \\ back-slash co-operative: e-commerce, cross-border e-commerce warehouses.",
  "Cheese cheese cheese making, cheese-making; whey protein, protein whey. Café crème.",
  "数字孪生 and digital twin for the smart factory; 跨境电商 bonded warehouse.",
];

beforeAll(async () => {
  const database = await createEmptyDatabase();
  drop = database.drop;
  await migrate(database.url);
  db = createPrismaClient(database.url, { max: 4 });
  await seedDatabase(db, { demo: true });
  await db.organisation.createMany({
    data: [
      ...LABELLED_ORGANISATIONS.map((o) => ({
        name: o.name,
        type: o.type,
        country: o.country,
        description: o.description,
        keywords: o.keywords,
        origin: "IMPORTED" as const,
      })),
      ...AWKWARD.map((description, i) => ({
        name: `Awkward ${i}`,
        type: "SME" as const,
        country: "IE",
        description,
        keywords: ["milk powder", "e-commerce"],
        origin: "IMPORTED" as const,
      })),
    ],
  });
}, 120_000);

afterAll(async () => {
  await db.$disconnect();
  await drop();
});

async function compare(queries: string[]) {
  const docs = await db.$queryRaw<Array<{ id: string; v: string }>>`
    SELECT id, "searchVector"::text AS v FROM "Organisation" ORDER BY id`;
  const dictionary = new LexemeDictionary();
  const parsed = docs.map((d) => parseTsVector(d.v, dictionary));
  let pairs = 0;
  let matched = 0;
  const refused: string[] = [];
  const differences: string[] = [];
  for (const query of queries) {
    const [parsedQuery] = await db.$queryRaw<Array<{ q: string }>>`
      SELECT websearch_to_tsquery('english', ${query})::text AS q`;
    const q = parsedQuery!.q;
    const compiled = compileQuery(q, dictionary);
    if (!compiled) {
      refused.push(q);
      continue;
    }
    // As the engine asks PostgreSQL: the rank where the query matches, else 0.
    const rows = await db.$queryRaw<Array<{ id: string; rank: number }>>`
      SELECT o.id, CASE WHEN o."searchVector" @@ q THEN ts_rank(o."searchVector", q, 32) ELSE 0 END AS rank
      FROM "Organisation" o, websearch_to_tsquery('english', ${query}) q ORDER BY o.id`;
    rows.forEach((row, i) => {
      pairs++;
      const mine = rankWhereMatches(parsed[i]!, compiled);
      if (row.rank > 0) matched++;
      if (!Object.is(mine, row.rank))
        differences.push(`${q.slice(0, 60)} / ${docs[i]!.v.slice(0, 60)}: ${mine} vs ${row.rank}`);
    });
  }
  return { pairs, matched, refused, differences };
}

describe("full-text rank evaluated in the rebuild", () => {
  it("equals PostgreSQL's @@ and ts_rank(…, 32), bit for bit, for every target's query", async () => {
    const { targets } = await loadTargets(db);
    expect(targets.length).toBeGreaterThan(8);
    const result = await compare(targets.map((t) => t.query));
    expect(result.differences.slice(0, 5)).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(result.pairs).toBeGreaterThan(2_000);
    // Enough matches for the comparison to mean something.
    expect(result.matched).toBeGreaterThan(300);
  });

  it("equals PostgreSQL on awkward queries, and refuses the shapes it does not evaluate", async () => {
    const result = await compare([
      orQuery(["milk of magnesia", "lactose-free", "cheese making", "e-commerce", "whey"]),
      orQuery(["cross-border e-commerce", "milk", "O'Brien"]),
      "milk OR cheese OR whey",
    ]);
    expect(result.differences.slice(0, 5)).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(result.matched).toBeGreaterThan(3);
    // A top-level phrase or AND goes to calc_rank_and, negation is not evaluated here: PostgreSQL ranks those.
    const dictionary = new LexemeDictionary();
    expect(compileQuery("'dairi' <-> 'process'", dictionary)).toBeNull();
    expect(compileQuery("'milk' & 'powder'", dictionary)).toBeNull();
    expect(compileQuery("'milk' | !'powder'", dictionary)).toBeNull();
    expect(compileQuery("'milk':* | 'whey'", dictionary)).toBeNull();
    expect(compileQuery("'milk' | 'whey'", dictionary)).not.toBeNull();
  });
});

// `prisma migrate diff` cannot run offline (docs/decisions/001), so this test
// proves that schema.prisma and the migrated database agree: every model has
// its table, every field its column with the same type, nullability and
// array-ness, every enum its values, every @unique/@@index/@relation its
// index or foreign key, and the database has nothing the schema lacks.
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as enums from "@/lib/generated/prisma/enums";

type RuntimeField = {
  name: string;
  kind: "scalar" | "enum" | "object";
  type: string;
  dbName?: string | null;
};
type RuntimeModel = { fields: RuntimeField[]; dbName: string | null };
const runtimeModels = (
  db as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } }
)._runtimeDataModel.models;

// The parts of schema.prisma that the runtime data model leaves out.
type SchemaField = {
  /** For Unsupported("tsvector") fields: the database type. */
  unsupported?: string;
  optional: boolean;
  list: boolean;
  native?: string;
  unique: boolean;
  fkFields?: string[];
};
type SchemaModel = {
  fields: Map<string, SchemaField>;
  uniques: string[][];
  indexes: string[][];
  id: string[];
};

function parseSchema(text: string): Map<string, SchemaModel> {
  const models = new Map<string, SchemaModel>();
  for (const match of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const model: SchemaModel = { fields: new Map(), uniques: [], indexes: [], id: [] };
    for (const raw of match[2]!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      const list = (s: string) =>
        s
          .split(",")
          .map((x) => x.replace(/\(.*\)/, "").trim())
          .filter(Boolean);
      const block = line.match(/^@@(id|unique|index)\(\[([^\]]+)\]/);
      if (block) {
        const cols = list(block[2]!);
        if (block[1] === "id") model.id = cols;
        else (block[1] === "unique" ? model.uniques : model.indexes).push(cols);
        continue;
      }
      const field = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/);
      if (!field) continue;
      const attrs = field[5] ?? "";
      const fk = attrs.match(/@relation\([^)]*fields:\s*\[([^\]]+)\]/);
      model.fields.set(field[1]!, {
        unsupported: field[2] === "Unsupported" ? attrs.match(/^\("(\w+)"\)/)?.[1] : undefined,
        list: Boolean(field[3]),
        optional: Boolean(field[4]),
        native: attrs.match(/@db\.(\w+(?:\([^)]*\))?)/)?.[1],
        unique: /@unique\b/.test(attrs),
        fkFields: fk ? list(fk[1]!) : undefined,
      });
      if (/@id\b/.test(attrs)) model.id = [field[1]!];
    }
    models.set(match[1]!, model);
  }
  return models;
}

const schema = parseSchema(readFileSync("prisma/schema.prisma", "utf8"));

/** The PostgreSQL type Prisma gives a field of this type and native attribute. */
function expectedSqlType(type: string, native: string | undefined, kind: string): string {
  if (kind === "enum") return type;
  if (native) {
    const n = native.toLowerCase();
    if (n.startsWith("char")) return `bpchar${n.slice(4)}`;
    if (n.startsWith("timestamptz")) return `timestamptz${n.slice(11)}`;
    if (n === "date") return "date";
    if (n.startsWith("decimal")) return `numeric${n.slice(7).replace(/\s/g, "")}`;
    if (n === "smallint") return "int2";
    return n;
  }
  const defaults: Record<string, string> = {
    String: "text",
    Int: "int4",
    BigInt: "int8",
    Boolean: "bool",
    DateTime: "timestamp(3)",
    Float: "float8",
    Decimal: "numeric(65,30)",
    Json: "jsonb",
    Bytes: "bytea",
  };
  return defaults[type] ?? `?${type}`;
}

/**
 * Indexes that exist only in SQL because schema.prisma cannot express them
 * (partial, GIN or expression indexes), by name, each with its reason.
 */
const SQL_ONLY_INDEXES: Record<string, string> = {
  Organisation_searchVector_idx:
    "GIN index for full-text search; Prisma cannot declare GIN on Unsupported types",
  Organisation_concepts_idx: "GIN index for concept overlap (&&) in candidate search",
  ExpressionOfInterest_searchVector_idx: "GIN index for the review queue's full-text search",
  ExpressionOfInterest_open_opportunity_key:
    "partial unique index: one open expression per organisation and opportunity",
  Organisation_visible_idx:
    "partial index: the ids of the organisations officials may see, hashed when counting a target's matches",
  ExpressionOfInterest_open_theme_key:
    "partial unique index: one open expression per organisation and theme (no opportunity)",
};

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

async function columns() {
  const { rows } = await client.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    dims: number;
  }>(`
    SELECT c.relname AS table, a.attname AS column, a.attnotnull = false AS nullable,
           format_type(a.atttypid, a.atttypmod) AS full_type,
           t.typname AS base, a.attndims AS dims,
           CASE WHEN t.typcategory = 'A' THEN et.typname ELSE t.typname END AS type,
           a.atttypmod AS mod
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typelem
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> '_prisma_migrations'`);
  return rows as Array<(typeof rows)[number] & { full_type: string; base: string }>;
}

function normalisedType(row: { type: string; full_type: string }) {
  const mod = row.full_type.match(/\(([^)]*)\)/)?.[1];
  return mod ? `${row.type}(${mod.replace(/\s/g, "")})` : row.type;
}

describe("schema.prisma and the migrated database", () => {
  it("have the same tables", async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const expected = Object.entries(runtimeModels).map(([name, m]) => m.dbName ?? name);
    expect(rows.map((r) => r.table_name).sort()).toEqual(expected.sort());
  });

  it("have the same columns, types, nullability and arrays", async () => {
    const actual = await columns();
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const [modelName, model] of Object.entries(runtimeModels)) {
      const table = model.dbName ?? modelName;
      const parsed = schema.get(modelName);
      expect(parsed, `model ${modelName} in schema.prisma`).toBeDefined();
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        const column = field.dbName ?? field.name;
        seen.add(`${table}.${column}`);
        const info = parsed!.fields.get(field.name)!;
        const row = actual.find((r) => r.table === table && r.column === column);
        if (!row) {
          mismatches.push(`${table}.${column}: missing in the database`);
          continue;
        }
        const want = expectedSqlType(field.type, info.native, field.kind);
        const got =
          row.type === "timestamp" ||
          row.type === "timestamptz" ||
          row.type === "bpchar" ||
          row.type === "numeric"
            ? normalisedType(row)
            : row.type;
        if (got !== want) mismatches.push(`${table}.${column}: type ${got}, schema says ${want}`);
        if (info.list !== row.full_type.endsWith("[]"))
          mismatches.push(
            `${table}.${column}: array ${row.full_type.endsWith("[]")}, schema says ${info.list}`,
          );
        // Prisma creates list columns nullable; scalar nullability must match exactly.
        if (!info.list && info.optional !== row.nullable)
          mismatches.push(
            `${table}.${column}: nullable ${row.nullable}, schema says ${info.optional}`,
          );
      }
    }
    // Fields of Unsupported types are not in the client's data model: check them here.
    for (const [modelName, model] of schema) {
      for (const [name, field] of model.fields) {
        if (!field.unsupported) continue;
        const table = runtimeModels[modelName]?.dbName ?? modelName;
        seen.add(`${table}.${name}`);
        const row = actual.find((r) => r.table === table && r.column === name);
        if (row?.type !== field.unsupported)
          mismatches.push(
            `${table}.${name}: ${row ? `type ${row.type}` : "missing"}, schema says ${field.unsupported}`,
          );
      }
    }
    for (const row of actual) {
      if (!seen.has(`${row.table}.${row.column}`))
        mismatches.push(`${row.table}.${row.column}: not in schema.prisma`);
    }
    expect(mismatches).toEqual([]);
  });

  it("have the same enums and values", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname`);
    const inDatabase = Object.fromEntries(rows.map((r) => [r.name, r.values]));
    const inSchema = Object.fromEntries(
      Object.entries(enums).map(([name, values]) => [
        name,
        Object.values(values as Record<string, string>),
      ]),
    );
    expect(inDatabase).toEqual(inSchema);
  });

  it("have an index for every @id, @unique, @@unique and @@index, and a foreign key for every relation", async () => {
    const { rows: allIndexes } = await client.query<{
      name: string;
      table: string;
      unique: boolean;
      columns: string[];
    }>(`
      SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique,
             array_agg(a.attname ORDER BY k.ord)::text[] AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY i.relname, t.relname, ix.indexrelid, ix.indisunique`);
    const indexes = allIndexes.filter((i) => !(i.name in SQL_ONLY_INDEXES));
    const { rows: foreignKeys } = await client.query<{ table: string; columns: string[] }>(`
      SELECT c.relname AS table, array_agg(a.attname ORDER BY k.ord)::text[] AS columns
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public' GROUP BY c.relname, con.oid`);
    const has = (
      list: Array<{ table: string; columns: string[] }>,
      table: string,
      cols: string[],
      unique?: boolean,
    ) =>
      list.some(
        (i) =>
          i.table === table &&
          i.columns.join(",") === cols.join(",") &&
          (unique === undefined || (i as { unique?: boolean }).unique === unique),
      );
    const missing: string[] = [];
    let expectedIndexes = 0;
    let expectedKeys = 0;
    for (const [modelName, model] of schema) {
      const table = runtimeModels[modelName]?.dbName ?? modelName;
      const want = (cols: string[], unique: boolean, what: string) => {
        expectedIndexes++;
        if (!has(indexes, table, cols, unique))
          missing.push(`${table}(${cols.join(", ")}): ${what}`);
      };
      want(model.id, true, "primary key");
      for (const [name, field] of model.fields) {
        if (field.unique) want([name], true, "@unique");
        if (field.fkFields) {
          expectedKeys++;
          if (!has(foreignKeys, table, field.fkFields))
            missing.push(`${table}(${field.fkFields}): foreign key`);
        }
      }
      for (const cols of model.uniques) want(cols, true, "@@unique");
      for (const cols of model.indexes) want(cols, false, "@@index");
    }
    expect(missing).toEqual([]);
    // Nothing more in the database than the schema declares.
    expect(indexes.length).toBe(expectedIndexes);
    expect(foreignKeys.length).toBe(expectedKeys);
  });
});

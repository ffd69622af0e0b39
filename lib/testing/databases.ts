// Fresh, empty databases on the test server, for tests that must start from nothing.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = new URL(inject("databaseUrl"));
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function uniqueSuffix() {
  return randomBytes(4).toString("hex");
}

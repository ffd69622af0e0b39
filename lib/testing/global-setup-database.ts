// Starts a throw-away PostgreSQL for the integration tests: a temp data
// directory and a random port, migrated once; stopped and deleted at the end.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbedded } from "@/scripts/lib/database";
import { migrate } from "../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    await migrate(url);
    project.provide("databaseUrl", url);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), "bridgehead-test-"));
  await chmod(dir, 0o755); // the postgres user must enter it when we run as root
  const database = await startEmbedded(path.join(dir, "data"));
  await migrate(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

import { env } from "@/lib/env";
import { createPrismaClient, type Db } from "./client";

// One client per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { bridgeheadDb?: Db };

export const db: Db =
  globalForDb.bridgeheadDb ?? createPrismaClient(env().DATABASE_URL, { max: env().DATABASE_POOL_SIZE });

if (process.env.NODE_ENV !== "production") globalForDb.bridgeheadDb = db;

export type { Db };

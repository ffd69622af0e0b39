import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** A Prisma client over node-postgres. The app keeps one (lib/db); scripts and tests make their own. */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    // Fail fast when the database is unreachable instead of hanging a request.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;

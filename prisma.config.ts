import { defineConfig } from "prisma/config";

// Prisma 7 reads connection URLs here, not from schema.prisma. Only the
// CLI uses this file; the app connects through lib/db (pg driver adapter).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

const shared = {
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": fileURLToPath(new URL("./lib/testing/empty-module.ts", import.meta.url)),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["{lib,scripts,prisma,components}/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          setupFiles: ["lib/testing/setup-unit.ts"],
          // A time zone far from UTC catches date bugs.
          env: { TZ: "Pacific/Auckland" },
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["{lib,scripts,prisma}/**/*.integration.test.ts"],
          globalSetup: ["lib/testing/global-setup-database.ts"],
          setupFiles: ["lib/testing/setup-unit.ts", "lib/testing/setup-integration.ts"],
          env: { TZ: "America/Sao_Paulo" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

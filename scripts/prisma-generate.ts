// `prisma generate` never runs the schema engine, but the Prisma CLI tries to
// download it on every command unless PRISMA_SCHEMA_ENGINE_BINARY names an
// existing file. These machines are offline (see docs/decisions/001), so we
// point it at this very file and generate.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? self,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);

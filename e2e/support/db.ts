// Direct access to the end-to-end database, for set-up and for checking what
// the app wrote. The server keeps its data in .data/e2e-postgres
// (scripts/e2e-server.mjs); its postmaster.pid names the port.
import { readFileSync } from "node:fs";
import { createPrismaClient, type Db } from "@/lib/db/client";

let client: Db | undefined;

export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const port = readFileSync(".data/e2e-postgres/postmaster.pid", "utf8").split("\n")[3]?.trim();
  return `postgresql://postgres:bridgehead-local@127.0.0.1:${port}/bridgehead`;
}

export function e2eDb(): Db {
  client ??= createPrismaClient(e2eDatabaseUrl(), { max: 2 });
  return client;
}

/** The newest email to an address, waiting for the job queue to deliver it to the outbox. */
export async function latestEmail(to: string, template?: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const message = await e2eDb().emailMessage.findFirst({
      where: { to, ...(template ? { template } : {}), status: "SENT" },
      orderBy: { createdAt: "desc" },
    });
    if (message) return message;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to}${template ? ` (${template})` : ""} within ${timeoutMs} ms`);
}

export function linkIn(text: string, path: string): string {
  const match = text.match(new RegExp(`https?://\\S+${path.replace(/[/?]/g, "\\$&")}\\S*`));
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

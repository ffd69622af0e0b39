// The audit log has one writer (lib/audit/write.ts), so that every entry
// records its origin and passes the secrets filter; and every action code
// written in the code base is in the vocabulary the admin page knows.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "./actions";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "generated" || name === "node_modules") continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const files = ["lib", "app", "components", "scripts", "prisma"].flatMap((d) =>
  sources(path.join(ROOT, d)),
);
const relative = (file: string) => path.relative(ROOT, file);

describe("the audit log's writers", () => {
  it("only lib/audit/write.ts creates entries", () => {
    const writers = files
      .filter((file) => relative(file) !== "lib/audit/write.ts")
      .filter((file) =>
        /auditLog\s*\.\s*(create|createMany|createManyAndReturn|upsert|update|updateMany)\b|INSERT\s+INTO\s+"AuditLog"|UPDATE\s+"AuditLog"/i.test(
          readFileSync(file, "utf8"),
        ),
      )
      .map(relative);
    expect(writers).toEqual([]);
  });

  it("every action code written is in the vocabulary (lib/audit/actions.ts)", () => {
    const known = new Set(Object.keys(AUDIT_ACTIONS));
    const unknown: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (!/writeAudit|accessDeniedEntry|writeThrottledAudit|auditDataExport/.test(text)) continue;
      for (const match of text.matchAll(/\baction:\s*"([a-zA-Z]+\.[a-zA-Z_.]+)"/g)) {
        if (!known.has(match[1]!)) unknown.push(`${relative(file)}: ${match[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });
});

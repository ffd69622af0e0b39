// The import rules of ARCHITECTURE.md, checked on every `npm run lint`:
//   app -> components -> lib; lib never imports app or components;
//   components/ui knows no domain; only lib/db creates the Prisma client.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

type Rule = { from: RegExp; forbidden: RegExp; why: string };

const rules: Rule[] = [
  {
    from: /^lib\//,
    forbidden: /^@\/(app|components)\//,
    why: "lib/ is below app/ and components/",
  },
  { from: /^components\//, forbidden: /^@\/app\//, why: "components/ must not import routes" },
  {
    from: /^components\/ui\//,
    forbidden: /^@\/(lib\/(?!utils$)|components\/(?!ui\/))/,
    why: "UI primitives know nothing of the domain",
  },
  {
    from: /^(app|components)\//,
    forbidden: /^@\/lib\/generated\/prisma\/client$|^@prisma\/client$|^pg$/,
    why: "routes and components reach the database through lib/<domain> only",
  },
  {
    from: /^(?!lib\/db\/|lib\/testing\/|scripts\/).*/,
    forbidden: /^@prisma\/adapter-pg$/,
    why: "only lib/db creates Prisma clients",
  },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (["node_modules", "generated", ".next"].includes(name)) return [];
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const problems: string[] = [];
for (const file of ["app", "components", "lib", "scripts"].flatMap(files)) {
  const source = readFileSync(file, "utf8");
  for (const [, specifier] of source.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)) {
    for (const rule of rules) {
      if (rule.from.test(file) && rule.forbidden.test(specifier!)) {
        problems.push(`${file}: imports ${specifier} (${rule.why})`);
      }
    }
  }
  if (/^app\//.test(file) && /["']use server["']/.test(source)) {
    problems.push(`${file}: server actions live in lib/<domain>/actions.ts, not in app/`);
  }
}

if (problems.length > 0) {
  console.error(`Architecture rules broken:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("architecture: import rules hold");

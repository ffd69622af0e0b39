// Every form that sends a server action (built with useActionForm) renders
// method="post": a form submitted before hydration (slow network, JavaScript
// off or failed) then posts to the page instead of putting its fields, a
// password among them, into the URL (browser history, proxy and server logs).
// The browser's side of it is tested in e2e/security-accounts.spec.ts
// ("a form submitted before hydration puts no password in the URL").
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [path] : [];
  });
}

/**
 * The `<form>` elements of a file, with the literal value of their method
 * attribute. (TypeScript 7 has no compiler API in JavaScript: a small scanner
 * reads each opening tag up to its `>`, skipping braces and strings, so that
 * `onSubmit={(e) => ...}` does not end it.)
 */
function formsIn(path: string): Array<{ line: number; method: string | null }> {
  const text = readFileSync(path, "utf8");
  const forms: Array<{ line: number; method: string | null }> = [];
  for (const match of text.matchAll(/<form(?=[\s>])/g)) {
    let depth = 0;
    let quote: string | null = null;
    let topLevel = "";
    let i = match.index + match[0].length;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === quote && text[i - 1] !== "\\") quote = null;
        if (depth === 0) topLevel += c;
        continue;
      }
      if (c === '"' || c === "'" || c === "`") {
        quote = c;
        if (depth === 0) topLevel += c;
      } else if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === ">" && depth === 0) break;
      else if (depth === 0) topLevel += c;
    }
    const method = /(?:^|\s)method=(?:"([^"]*)"|\{)/.exec(topLevel);
    forms.push({
      line: text.slice(0, match.index).split("\n").length,
      method: method
        ? (method[1] ?? "(expression)")
        : /\{\s*\.\.\./.test(text.slice(match.index, i))
          ? "(spread)"
          : null,
    });
  }
  return forms;
}

const actionFormFiles = [
  ...sourceFiles(join(root, "components")),
  ...sourceFiles(join(root, "app")),
]
  .filter((path) => /\buseActionForm\s*[<(]/.test(readFileSync(path, "utf8")))
  .map((path) => relative(root, path));

describe("forms that send a server action", () => {
  it("are found (the scan is not empty)", () => {
    expect(actionFormFiles).toContain("components/auth/register-form.tsx");
    expect(actionFormFiles).toContain("components/admin/accept-invitation-form.tsx");
    expect(actionFormFiles.length).toBeGreaterThanOrEqual(15);
  });

  it.each(actionFormFiles)('%s renders every <form> with method="post"', (path) => {
    const forms = formsIn(join(root, path));
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.filter((form) => form.method !== "post")).toEqual([]);
  });

  it("the check itself notices a form without the method", () => {
    const probe = join(root, "components/official/clean-get-form.tsx");
    expect(formsIn(probe).map((form) => form.method)).not.toContain("post");
  });
});

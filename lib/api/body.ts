// The one way route handlers read a request body. readBodyText reads UTF-8
// text without ever holding more than the limit: Content-Length is checked
// first, then the bytes are counted as they stream in, so a lying or absent
// length cannot get past the limit. readJsonBody / parseJsonBody add the
// JSON rules on top, readFormBody reads a form (an upload) the same way.
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "body is not UTF-8", {
      fields: { body: "The file must be encoded in UTF-8" },
    });
  }
}

/** The body's bytes, never more than maxBytes held: Content-Length first, then counted. */
async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a multipart/form-data or urlencoded body of at most maxBytes
 * (counted while streaming, like readBodyText): 413 beyond, 400 when it is
 * not a form or cannot be parsed.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type))
    throw badRequest(`content type ${type || "none"}`, {
      "Content-Type": "Must be multipart/form-data or application/x-www-form-urlencoded",
    });
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw badRequest("malformed form", { body: "The form could not be read" });
  }
}

function tooLarge(maxBytes: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `body over ${maxBytes} bytes`, {
    fields: { body: `The file must be at most ${maxBytes} bytes` },
  });
}

/** Keys that could reach an object's prototype when a parsed body is merged or spread. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const badRequest = (why: string, fields: Record<string, string>) =>
  new AppError("BAD_REQUEST", why, { fields });

/**
 * Reads a JSON body: Content-Type application/json (or +json), at most
 * maxBytes (413 beyond, counted while streaming), well-formed, without keys
 * that reach a prototype (__proto__, constructor, prototype) and without NUL
 * characters (PostgreSQL cannot store them). Anything else is BAD_REQUEST
 * with a message per field ("body", "Content-Type", or the offending path).
 * Parse the result with the route's strict zod schema (parseJsonBody).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type))
    throw badRequest(`content type ${type || "none"}`, {
      "Content-Type": "Must be application/json",
    });
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === "") throw badRequest("empty JSON body", { body: "The body is empty" });
  let problem: Record<string, string> | null = null;
  let value: unknown;
  try {
    // The reviver sees every key and value, innermost first.
    value = JSON.parse(text, (key, v) => {
      if (problem) return v;
      if (FORBIDDEN_KEYS.has(key)) problem = { [key]: "This key is not allowed" };
      else if (typeof v === "string" && v.includes("\u0000"))
        problem = { [key || "body"]: "NUL characters are not allowed" };
      return v;
    });
  } catch {
    throw badRequest("malformed JSON", { body: "The body is not valid JSON" });
  }
  if (problem) throw badRequest("refused JSON content", problem);
  return value;
}

/** readJsonBody, then the route's (strict) zod schema: unknown keys and bad values give BAD_REQUEST. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes: number,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJsonBody(request, maxBytes));
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[key] ??= "Unknown field";
      continue;
    }
    fields[issue.path.map(String).join(".") || "body"] ??= issue.message;
  }
  throw badRequest("JSON body does not match the schema", fields);
}

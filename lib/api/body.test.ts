import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { parseJsonBody, readBodyText, readFormBody, readJsonBody } from "./body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/organisations/import", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

function stream(chunks: string[]) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe("readBodyText", () => {
  it("reads UTF-8 text up to the limit, exactly", async () => {
    expect(await readBodyText(post("名称,type"), 100)).toBe("名称,type");
    expect(await readBodyText(post("x".repeat(10)), 10)).toBe("x".repeat(10));
    expect(await readBodyText(post(null), 10)).toBe("");
  });

  it("refuses a body over the limit while streaming, without a length", async () => {
    const error = await readBodyText(post(stream(["12345", "67890", "1"])), 10).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = post(stream(["small"]));
    Object.defineProperty(request, "headers", { value: new Headers({ "content-length": "11" }) });
    const error = await readBodyText(request, 10).catch((e) => e);
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses bytes that are not UTF-8", async () => {
    const error = await readBodyText(post(new Uint8Array([0x6e, 0xff, 0xfe])), 10).catch((e) => e);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fields).toEqual({ body: expect.any(String) });
  });
});

describe("readJsonBody / parseJsonBody", () => {
  const json = (body: string, type = "application/json; charset=utf-8") =>
    post(body, { "content-type": type });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error("expected a refusal");
      },
      (e: AppError) => ({ code: e.code, fields: e.fields }),
    );

  it("reads JSON of the right type", async () => {
    expect(await readJsonBody(json('{"a":[1,"名"]}'), 100)).toEqual({ a: [1, "名"] });
    expect(await readJsonBody(json("[]", "application/problem+json"), 100)).toEqual([]);
  });

  it("refuses a wrong or missing Content-Type, malformed and empty bodies with 400", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""])
      expect(await failure(readJsonBody(json("{}", type), 100))).toEqual({
        code: "BAD_REQUEST",
        fields: { "Content-Type": expect.any(String) },
      });
    for (const body of ['{"a":', "{'a':1}", "", "  ", "NaN"])
      expect(await failure(readJsonBody(json(body), 100))).toEqual({
        code: "BAD_REQUEST",
        fields: { body: expect.any(String) },
      });
  });

  it("refuses keys that reach a prototype, at any depth", async () => {
    for (const [body, key] of [
      ['{"__proto__":{"isAdmin":true}}', "__proto__"],
      ['{"a":{"constructor":{"prototype":{"x":1}}}}', "prototype"],
      ['[{"b":1},{"constructor":1}]', "constructor"],
    ] as const) {
      const refused = await failure(readJsonBody(json(body), 1000));
      expect(refused).toEqual({ code: "BAD_REQUEST", fields: { [key]: expect.any(String) } });
    }
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });

  it("refuses NUL characters in any string", async () => {
    expect(await failure(readJsonBody(json('{"name":"a\\u0000b"}'), 100))).toEqual({
      code: "BAD_REQUEST",
      fields: { name: expect.any(String) },
    });
    expect(await failure(readJsonBody(json('["\\u0000"]'), 100))).toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses a body over the limit with 413", async () => {
    const refused = await failure(readJsonBody(json(`"${"x".repeat(200)}"`), 100));
    expect(refused.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("parses with a strict schema: unknown keys and bad values are field errors", async () => {
    const schema = z.strictObject({ name: z.string().max(5, "tooLong") });
    expect(await parseJsonBody(json('{"name":"ok"}'), schema, 100)).toEqual({ name: "ok" });
    expect(await failure(parseJsonBody(json('{"name":"too long"}'), schema, 100))).toEqual({
      code: "BAD_REQUEST",
      fields: { name: "tooLong" },
    });
    expect(await failure(parseJsonBody(json('{"name":"ok","role":"ADMIN"}'), schema, 100))).toEqual(
      { code: "BAD_REQUEST", fields: { role: "Unknown field" } },
    );
  });
});

describe("readFormBody", () => {
  it("reads a multipart upload within the limit", async () => {
    const form = new FormData();
    form.set("file", new File(["名称,type\n"], "a.csv", { type: "text/csv" }));
    form.set("locale", "zh");
    const request = new Request("http://localhost/api/official/imports", {
      method: "POST",
      body: form,
    });
    const read = await readFormBody(request, 10_000);
    expect(read.get("locale")).toBe("zh");
    expect(await (read.get("file") as File).text()).toBe("名称,type\n");
  });

  it("refuses an oversized form (413), another type or a broken form (400)", async () => {
    const refusal = (promise: Promise<FormData>) =>
      promise.then(
        () => {
          throw new Error("expected a refusal");
        },
        (e: AppError) => e,
      );
    const form = new FormData();
    form.set("file", new File(["x".repeat(5000)], "a.csv"));
    const big = new Request("http://localhost/x", { method: "POST", body: form });
    expect((await refusal(readFormBody(big, 1000))).code).toBe("PAYLOAD_TOO_LARGE");
    const json = post("{}", { "content-type": "application/json" });
    expect((await refusal(readFormBody(json, 1000))).fields).toEqual({
      "Content-Type": expect.any(String),
    });
    const broken = post("--nope\r\n", { "content-type": "multipart/form-data; boundary=x" });
    expect((await refusal(readFormBody(broken, 1000))).code).toBe("BAD_REQUEST");
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { readBodyText } from "./body";

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

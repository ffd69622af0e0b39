import "server-only";
import { NextResponse } from "next/server";
import { authorize, type Caller, type GateRule, getCaller } from "@/lib/auth/gate";
import { isAppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/server/logger";

type Access = GateRule | "public";

/** An error as JSON, with its HTTP status. */
export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    const response = NextResponse.json(
      { error: { code: error.code, fields: error.fields, details: error.details } },
      { status: error.status },
    );
    if (error.retryAfter) response.headers.set("Retry-After", String(error.retryAfter));
    return response;
  }
  logger.error({ err: error }, "route handler crashed");
  return NextResponse.json({ error: { code: "UNAVAILABLE" } }, { status: 503 });
}

/** Every route handler goes through here: the caller is checked, errors become JSON. */
export function createRoute<P = unknown>(
  access: Access,
  handler: (request: Request, context: { caller: Caller | null; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = access === "public" ? await getCaller() : authorize(await getCaller(), access);
      const response = await handler(request, { caller, params: await context.params });
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}

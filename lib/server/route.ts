import "server-only";
import { NextResponse } from "next/server";
import { authorize, type Caller, type GateRule, getCaller } from "@/lib/auth/gate";
import { isDatabaseUnavailable, isInvalidTextEncoding } from "@/lib/db/errors";
import { AppError, isAppError } from "@/lib/errors/app-error";
import {
  markDatabaseUnavailable,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "@/lib/health/database-state";
import {
  isCrossSiteRequest,
  isStateChanging,
  PRIVATE_NO_STORE,
} from "@/lib/security/request-policy";
import { logger } from "@/lib/server/logger";
import {
  currentRequestId,
  requestIdFrom,
  runWithRequestContext,
} from "@/lib/server/request-context";

type Access = GateRule | "public";

/**
 * What an error becomes for the client, and the one place unexpected errors
 * are logged (with their stack): an AppError keeps its code and status; bad
 * text the database refused is BAD_REQUEST; an unreachable database is
 * UNAVAILABLE (503, Retry-After; noted for proxy.ts, lib/health/database-state.ts);
 * anything else is INTERNAL (500). The client
 * gets the code and the request id, never a message, stack or SQL.
 */
export function classifyError(error: unknown): {
  status: number;
  code: string;
  fields?: Record<string, string>;
  details?: Record<string, string>;
  retryAfter?: number;
} {
  if (isAppError(error)) {
    if (error.status >= 500) logger.error({ err: error }, "request failed");
    return {
      status: error.status,
      code: error.code,
      fields: error.fields,
      details: error.details,
      retryAfter: error.retryAfter,
    };
  }
  if (isDatabaseUnavailable(error)) {
    markDatabaseUnavailable();
    logger.error({ err: error }, "database unavailable");
    return { status: 503, code: "UNAVAILABLE", retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS };
  }
  if (isInvalidTextEncoding(error)) {
    logger.warn({ err: error }, "text the database cannot store");
    return { status: 400, code: "BAD_REQUEST", fields: { _request: "controlCharacters" } };
  }
  logger.error({ err: error }, "request crashed");
  return { status: 500, code: "INTERNAL" };
}

/** An error as JSON, with its HTTP status: { error: { code, fields?, details?, requestId } }. */
export function errorResponse(error: unknown): NextResponse {
  const { status, code, fields, details, retryAfter } = classifyError(error);
  const response = NextResponse.json(
    { error: { code, fields, details, requestId: currentRequestId() } },
    { status, headers: { "Cache-Control": PRIVATE_NO_STORE } },
  );
  if (retryAfter) response.headers.set("Retry-After", String(retryAfter));
  return response;
}

/**
 * Runs a route handler with the request's id (set by proxy.ts) in every log
 * line written meanwhile, and turns whatever it throws into an answer with
 * `toResponse` (classifyError decides what the error means). createRoute and
 * the REST API's createApiRoute (lib/api/auth.ts) both go through here.
 */
export function handleRequest(
  request: Request,
  run: () => Promise<Response>,
  toResponse: (error: unknown) => Response = errorResponse,
): Promise<Response> {
  return runWithRequestContext({ requestId: requestIdFrom(request.headers) }, async () => {
    try {
      return await run();
    } catch (error) {
      return toResponse(error);
    }
  });
}

/** What a refusal by the gate names in the audit log: the method and path of the route. */
export function routeNameOf(request: Request): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

/**
 * Every route handler goes through here: a state-changing request must come
 * from the app's own pages (cookies would otherwise let another site act for
 * the user), the caller is checked (a refusal names the route in the audit
 * log), the handler runs with the request id in its logs, errors become JSON,
 * and answers for a signed-in caller are never cached.
 */
export function createRoute<P = unknown>(
  access: Access,
  handler: (request: Request, context: { caller: Caller | null; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> =>
    handleRequest(request, async () => {
      if (
        isStateChanging(request.method) &&
        isCrossSiteRequest(request.headers, request.url, process.env.NEXTAUTH_URL)
      ) {
        logger.warn(
          { method: request.method, origin: request.headers.get("origin") },
          "cross-site request refused",
        );
        throw new AppError("FORBIDDEN", `cross-site ${request.method} refused`);
      }
      const caller =
        access === "public"
          ? await getCaller()
          : authorize(await getCaller(), access, { route: routeNameOf(request) });
      const response = await handler(request, { caller, params: await context.params });
      if (caller) {
        try {
          response.headers.set("Cache-Control", PRIVATE_NO_STORE);
        } catch {
          // Immutable headers (Response.redirect): nothing cacheable in a redirect to mark.
        }
      }
      return response;
    });
}

import "server-only";
// The one gate of the REST API (app/api/v1/**): every route handler is built
// with createApiRoute. It reads `Authorization: Bearer <token>` from the
// Request alone (no cookies, no next/headers), checks the token against the
// database (hash looked up through its unique index), applies the role rule
// and the per-token rate limit, then runs the handler; every error becomes
// { error: { code, message, fields? } } with the right status and headers.
//
//   export const GET = createApiRoute(API_OFFICIALS, async (request, { caller, params }) => …);
import { NextResponse } from "next/server";
import type { z } from "zod";
import { writeThrottledAudit } from "@/lib/audit/events";
import { originOf } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { enforce, type RateLimitRule } from "@/lib/rate-limit";
import { currentRequestId } from "@/lib/server/request-context";
import { classifyError, handleRequest } from "@/lib/server/route";
import {
  API_TOKEN_ROLES,
  bearerTokenOf,
  findApiToken,
  shouldTouch,
  tokenState,
  touchApiToken,
} from "./tokens";

export type ApiCaller = {
  userId: string;
  tokenId: string;
  role: Role;
  email: string;
  name: string;
  organisationId: string | null;
  locale: string;
};

export type ApiRule = { roles: readonly Role[] };
export type ApiAccess = "public" | ApiRule;

/** Officials and admins: the API's audience. */
export const API_OFFICIALS: ApiRule = { roles: API_TOKEN_ROLES };

/** Requests per token and minute. */
export const API_RATE_LIMIT: RateLimitRule = { limit: 600, windowSeconds: 60 };

/** Answers that hold personal or non-public data. */
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store" } as const;

const MESSAGES: Record<ErrorCode | "INTERNAL", string> = {
  BAD_REQUEST: "The request is not valid.",
  UNAUTHENTICATED:
    "A valid API token is required: send it as `Authorization: Bearer <token>`. Officials create tokens on the API tokens page.",
  FORBIDDEN: "This token's account may not use this endpoint.",
  NOT_FOUND: "Not found.",
  CONFLICT: "The request conflicts with the current state.",
  PAYLOAD_TOO_LARGE: "The request body is too large.",
  UNPROCESSABLE: "The request could not be processed.",
  RATE_LIMITED: "Too many requests with this token; wait and try again (see Retry-After).",
  UNAVAILABLE: "The service is unavailable; try again later (see Retry-After).",
  INTERNAL: "Something went wrong on our side; quote the requestId if you report it.",
};

/**
 * An error as the API's JSON: { error: { code, message, fields?, requestId } }.
 * What the error means (and its one log line) comes from classifyError, as
 * for createRoute: an unreachable database is 503 with Retry-After, anything
 * unexpected 500, never with its message, stack or SQL. `message` overrides
 * the safe English explanation of the code where the route knows better.
 */
export function apiErrorResponse(error: unknown, message?: string): NextResponse {
  const { status, code, fields, details, retryAfter } = classifyError(error);
  const requestId = currentRequestId();
  const response = NextResponse.json(
    {
      error: {
        code,
        message: message ?? MESSAGES[code as keyof typeof MESSAGES] ?? MESSAGES.INTERNAL,
        ...(fields ? { fields } : {}),
        ...(requestId ? { requestId } : {}),
      },
    },
    { status, headers: PRIVATE_HEADERS },
  );
  if (code === "UNAUTHENTICATED") {
    response.headers.set(
      "WWW-Authenticate",
      details?.bearer === "invalid"
        ? 'Bearer realm="bridgehead", error="invalid_token"'
        : 'Bearer realm="bridgehead"',
    );
  }
  if (retryAfter) response.headers.set("Retry-After", String(retryAfter));
  return response;
}

const invalidToken = (why: string) =>
  new AppError("UNAUTHENTICATED", `api token ${why}`, { details: { bearer: "invalid" } });

/**
 * A refused token, in the audit log (api.token_refused): the token's id and
 * owner when it is one of ours, never the presented string or its hash.
 * Throttled per token (or "unknown") and client IP.
 */
async function auditRefusal(
  request: Request,
  token: { id: string; userId: string } | null,
  reason: string,
  extra: Record<string, string> = {},
) {
  const origin = originOf(request.headers);
  await writeThrottledAudit(
    `api-refused:${token?.id ?? "unknown"}:${origin.ip ?? "-"}`,
    {
      actorId: token?.userId ?? null,
      action: "api.token_refused",
      entityType: "ApiToken",
      entityId: token?.id ?? null,
      data: { reason, method: request.method, path: new URL(request.url).pathname, ...extra },
    },
    origin,
  );
}

/**
 * Who is calling, from the request's bearer token. Missing, unknown,
 * revoked or expired tokens and disabled accounts give UNAUTHENTICATED (all
 * but a missing one recorded in the audit log); the role rule is the
 * caller's business (authorizeApi).
 */
export async function authenticateApi(request: Request, now = new Date()): Promise<ApiCaller> {
  const presented = bearerTokenOf(request.headers.get("authorization"));
  if (!presented) throw new AppError("UNAUTHENTICATED", "no bearer token");
  const token = await findApiToken(db, presented);
  if (!token) {
    await auditRefusal(request, null, "unknown");
    throw invalidToken("unknown");
  }
  const state = tokenState(token, now);
  if (state !== "active") {
    await auditRefusal(request, token, state);
    throw invalidToken(state);
  }
  if (token.user.status !== "ACTIVE") {
    await auditRefusal(request, token, "owner_disabled");
    throw invalidToken("owner disabled");
  }
  if (shouldTouch(token.lastUsedAt, now)) await touchApiToken(db, token.id, now);
  return {
    userId: token.user.id,
    tokenId: token.id,
    role: token.user.role,
    email: token.user.email,
    name: token.user.name,
    organisationId: token.user.organisationId,
    locale: token.user.locale,
  };
}

export function authorizeApi(caller: ApiCaller, access: ApiRule) {
  // A token whose owner has since become a partner stays refused.
  if (!access.roles.includes(caller.role)) throw new AppError("FORBIDDEN", `role ${caller.role}`);
  return caller;
}

type Handler<P, C> = (request: Request, context: { caller: C; params: P }) => Promise<Response>;

/** Every API route handler goes through here. */
export function createApiRoute<P = Record<string, never>>(
  access: "public",
  handler: Handler<P, null>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response>;
export function createApiRoute<P = Record<string, never>>(
  access: ApiRule,
  handler: Handler<P, ApiCaller>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response>;
export function createApiRoute<P>(
  access: ApiAccess,
  handler: Handler<P, ApiCaller> | Handler<P, null>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> =>
    handleRequest(
      request,
      async () => {
        let caller: ApiCaller | null = null;
        if (access !== "public") {
          const authenticated = await authenticateApi(request);
          try {
            caller = authorizeApi(authenticated, access);
          } catch (error) {
            await auditRefusal(
              request,
              { id: authenticated.tokenId, userId: authenticated.userId },
              "role",
              { role: authenticated.role },
            );
            throw error;
          }
          await enforce([{ key: `api:token:${caller.tokenId}`, rule: API_RATE_LIMIT }]);
        }
        const params = await context.params;
        return await (handler as Handler<P, ApiCaller | null>)(request, { caller, params });
      },
      (error) => apiErrorResponse(error),
    );
}

/** 200 with JSON, private unless told otherwise. */
export function apiJson(body: unknown, init: { status?: number; headers?: HeadersInit } = {}) {
  const headers = new Headers(PRIVATE_HEADERS);
  for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
  return NextResponse.json(body, { status: init.status ?? 200, headers });
}

/**
 * Parses a query string with a strict zod schema: an unknown parameter or a
 * bad value gives BAD_REQUEST with a message per parameter.
 */
export function parseQuery<S extends z.ZodType>(schema: S, url: string): z.output<S> {
  const params = new URL(url).searchParams;
  const raw: Record<string, string> = {};
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in raw) fields[key] = "Give this parameter once";
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success && Object.keys(fields).length === 0) return parsed.data;
  if (!parsed.success) Object.assign(fields, fieldsOf(parsed.error.issues));
  throw new AppError("BAD_REQUEST", "api query", { fields });
}

export function fieldsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[key] ??= "Unknown parameter";
      continue;
    }
    const name = issue.path.map(String).join(".") || "_request";
    fields[name] ??= issue.message;
  }
  return fields;
}

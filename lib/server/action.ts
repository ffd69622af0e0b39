import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { authorize, type Caller, type GateRule, getCaller } from "@/lib/auth/gate";
import { isDatabaseUnavailable, isInvalidTextEncoding } from "@/lib/db/errors";
import { AppError, type ErrorCode, isAppError } from "@/lib/errors/app-error";
import {
  markDatabaseUnavailable,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from "@/lib/health/database-state";
import { logger } from "@/lib/server/logger";
import { requestIdFrom, runWithRequestContext } from "@/lib/server/request-context";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      /** Field name -> validation message key (namespace "validation"). */
      fieldErrors?: Record<string, string>;
      retryAfter?: number;
      /** Safe facts to show, e.g. { by, at } of the change that won a CONFLICT. */
      details?: Record<string, string>;
      /** The request's id (X-Request-Id), for unexpected failures: the logs have the detail. */
      requestId?: string;
    };

type Access = GateRule | "public";

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // role, organisationId… smuggled into a form: refuse the whole submission.
      fields._form = "unknownFields";
      continue;
    }
    const name = issue.path.join(".") || "_form";
    fields[name] ??= issue.message;
  }
  return fields;
}

function toPlainObject(input: unknown): unknown {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own fields
    if (typeof value !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * Every server action goes through here: it is a public HTTP endpoint, so
 * the caller is checked (unless the action is explicitly public; a refusal
 * names the action in the audit log), the input
 * is parsed by the same zod schema as the form (unknown keys refused), and
 * errors become a result the form can show in the user's language.
 */
export function createAction<S extends z.ZodType, T>(
  options: { schema: S; access: Access; name: string },
  handler: (input: z.output<S>, context: { caller: Caller | null; headers: Headers }) => Promise<T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  return async (raw) => {
    const requestHeaders = await headers();
    const requestId = requestIdFrom(requestHeaders);
    return runWithRequestContext({ requestId }, async (): Promise<ActionResult<T>> => {
      try {
        const caller =
          options.access === "public"
            ? await getCaller()
            : authorize(await getCaller(), options.access, { action: options.name });
        const parsed = options.schema.safeParse(toPlainObject(raw));
        if (!parsed.success) {
          return { ok: false, code: "BAD_REQUEST", fieldErrors: fieldErrorsOf(parsed.error) };
        }
        const data = await handler(parsed.data, { caller, headers: requestHeaders });
        return { ok: true, data };
      } catch (error) {
        if (isAppError(error)) {
          if (error.status >= 500)
            logger.error({ err: error, action: options.name }, "action failed");
          return {
            ok: false,
            code: error.code,
            fieldErrors: error.fields,
            retryAfter: error.retryAfter,
            details: error.details,
            ...(error.status >= 500 ? { requestId } : {}),
          };
        }
        // Next's redirect()/notFound() are thrown on purpose: let them through.
        if (error && typeof error === "object" && "digest" in error) throw error;
        if (isInvalidTextEncoding(error)) {
          // Validation should have refused it (lib/validation/fields.ts): the last line.
          logger.warn({ err: error, action: options.name }, "text the database cannot store");
          return { ok: false, code: "BAD_REQUEST", fieldErrors: { _form: "controlCharacters" } };
        }
        if (isDatabaseUnavailable(error)) {
          markDatabaseUnavailable();
          logger.error({ err: error, action: options.name }, "database unavailable");
          return {
            ok: false,
            code: "UNAVAILABLE",
            retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
            requestId,
          };
        }
        logger.error({ err: error, action: options.name }, "action crashed");
        return { ok: false, code: "UNAVAILABLE", requestId };
      }
    });
  };
}

export { AppError };

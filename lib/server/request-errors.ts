// Errors that escape a page's rendering (route handlers and server actions
// catch their own: createRoute, createAction), logged as one JSON line with
// the request id the user sees on the error page, the digest Next gives the
// browser, and the stack. instrumentation.ts exports it as onRequestError.
import type { Instrumentation } from "next";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { markDatabaseUnavailable } from "@/lib/health/database-state";
import { logger } from "./logger";
import { REQUEST_ID_HEADER } from "./request-context";

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const id = request.headers[REQUEST_ID_HEADER];
  const databaseUnavailable = isDatabaseUnavailable(error);
  // proxy.ts answers the next page requests with 503 while this is fresh.
  if (databaseUnavailable) markDatabaseUnavailable();
  logger.error(
    {
      err: error,
      requestId: typeof id === "string" ? id : undefined,
      digest: (error as { digest?: unknown } | null)?.digest,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      databaseUnavailable,
    },
    "request failed",
  );
};

// The request id of the request being handled, for the logs. proxy.ts gives
// every request an id (X-Request-Id on the response, x-request-id on the
// request); createRoute, createAction and createApiRoute run their handler
// inside runWithRequestContext, and the logger (lib/server/logger.ts) adds
// the id to every line written inside.
import { AsyncLocalStorage } from "node:async_hooks";

export const REQUEST_ID_HEADER = "x-request-id";

export type RequestContext = { requestId: string };

const storage = new AsyncLocalStorage<RequestContext>();

/** An id we made ourselves: a UUID (or a similar token), nothing that could forge a log line. */
const ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** The request's id as proxy.ts set it, or a new one when it is missing or not ours. */
export function requestIdFrom(headers: Pick<Headers, "get">): string {
  const id = headers.get(REQUEST_ID_HEADER);
  return id && ID_PATTERN.test(id) ? id : newRequestId();
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

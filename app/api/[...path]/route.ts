// Any /api path no route handler serves: a JSON 404 like every API error
// (with the request id), not the HTML 404 page, and no database work.
import { AppError } from "@/lib/errors/app-error";
import { requestIdFrom, runWithRequestContext } from "@/lib/server/request-context";
import { errorResponse } from "@/lib/server/route";

export const dynamic = "force-dynamic";

function notFound(request: Request) {
  return runWithRequestContext({ requestId: requestIdFrom(request.headers) }, () =>
    errorResponse(new AppError("NOT_FOUND", "no such API route")),
  );
}

export {
  notFound as DELETE,
  notFound as GET,
  notFound as PATCH,
  notFound as POST,
  notFound as PUT,
};

import { API_OFFICIALS, apiJson, createApiRoute } from "@/lib/api/auth";
import { runApiImport } from "@/lib/api/import";

export const dynamic = "force-dynamic";

export const POST = createApiRoute(API_OFFICIALS, async (request, { caller }) => {
  const result = await runApiImport(request, caller.userId);
  return result.ok
    ? apiJson({ runId: result.runId, created: result.created, updated: result.updated })
    : apiJson({ runId: result.runId, errors: result.errors }, { status: 422 });
});

import { API_OFFICIALS, apiJson, createApiRoute, parseQuery } from "@/lib/api/auth";
import { listApiOpportunities } from "@/lib/api/queries";
import { opportunityListQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export const GET = createApiRoute(API_OFFICIALS, async (request) => {
  const query = parseQuery(opportunityListQuerySchema, request.url);
  return apiJson(await listApiOpportunities(query));
});

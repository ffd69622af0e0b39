import { API_OFFICIALS, apiJson, createApiRoute } from "@/lib/api/auth";
import { listApiThemes } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

export const GET = createApiRoute(API_OFFICIALS, async () => {
  return apiJson({ data: await listApiThemes() });
});

import { apiJson, createApiRoute } from "@/lib/api/auth";
import { buildOpenApiDocument } from "@/lib/api/openapi";

// The document describes the code, not data: the same for everyone, cacheable.
export const dynamic = "force-static";

export const GET = createApiRoute("public", async () => {
  return apiJson(buildOpenApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
});

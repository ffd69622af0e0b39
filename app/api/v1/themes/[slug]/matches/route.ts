import { API_OFFICIALS, apiJson, createApiRoute, parseQuery } from "@/lib/api/auth";
import { findThemeTarget, listApiMatches } from "@/lib/api/queries";
import { matchesQuerySchema } from "@/lib/api/schemas";
import { AppError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

export const GET = createApiRoute<{ slug: string }>(API_OFFICIALS, async (request, { params }) => {
  const page = parseQuery(matchesQuerySchema, request.url);
  const target = await findThemeTarget(params.slug);
  if (!target) throw new AppError("NOT_FOUND", "theme");
  return apiJson(await listApiMatches(target, page));
});

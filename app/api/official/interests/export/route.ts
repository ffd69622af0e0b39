// The review queue's CSV export: the same query string as the queue page
// (lib/interests/review-schema.ts parses both), every row of the filtered
// view, streamed in batches (lib/interests/review-csv.ts).

import { auditDataExport } from "@/lib/audit/events";
import { csvFileName, reviewCsvStream } from "@/lib/interests/review-csv";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { createRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = createRoute({ roles: OFFICIAL_ROLES }, async (request, { caller }) => {
  const url = new URL(request.url);
  // Headers in the official's language: the page's (?locale=), else their own.
  const asked = url.searchParams.get("locale");
  const locale = asked === "zh" || asked === "en" ? asked : caller!.locale === "zh" ? "zh" : "en";
  await auditDataExport(
    caller!.userId,
    "interests",
    [...url.searchParams.keys()].filter((k) => k !== "locale"),
  );
  const body = reviewCsvStream(caller!, url.searchParams, { locale, baseUrl: url.origin });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName()}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

import { NextResponse } from "next/server";
import { auditDataExport } from "@/lib/audit/events";
import { exportPersonalData } from "@/lib/auth/queries";
import { createRoute } from "@/lib/server/route";

export const GET = createRoute({}, async (_request, { caller }) => {
  const data = await exportPersonalData(caller!);
  await auditDataExport(caller!.userId, "account");
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="bridgehead-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
});

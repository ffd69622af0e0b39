// Readiness: the database is reachable and the migrations are applied.
// Public by design (load balancers call it); it tells nothing personal.
import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/health/readiness";
import { createRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = createRoute("public", async () => {
  const result = await checkReadiness(db);
  return NextResponse.json(
    result.ready
      ? { status: "ready", migrations: result.migrations }
      : { status: "unavailable", reason: result.reason },
    { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});

// Liveness: the process answers. Public by design and deliberately without
// createRoute: it must not touch the database (createRoute reads the
// session), so a database outage does not make instances look dead.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}

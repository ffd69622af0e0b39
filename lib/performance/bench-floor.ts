// The benchmarks' reference pages (docs/performance.md, "Two floors"): what a
// page costs when it has nothing of its own, measured beside the real pages
// by `npm run bench:load` and `npm run bench:lighthouse`.
//   /bench-floor      a server-rendered heading and paragraph, outside every
//                     layout of the app: Next and React alone.
//   /en/bench-floor   the same inside the shared layout (header, footer,
//                     session, translations): what every page pays first.
// They answer 404 unless the server runs with BENCH_FLOOR=1, which only the
// benchmarks' own server sets.
import { notFound } from "next/navigation";
import { env } from "@/lib/env";

export const BENCH_FLOOR_PATH = "/bench-floor";

/** The framework floor's path is outside the languages: the proxy leaves it alone. */
export function isBenchFloorPath(pathname: string): boolean {
  return pathname === BENCH_FLOOR_PATH;
}

/** A 404 unless this server was started for a benchmark. */
export function requireBenchFloor(): void {
  if (env().BENCH_FLOOR !== "1") notFound();
}

export const BENCH_FLOOR_TEXT = {
  heading: "Bridgehead floor",
  body: "A page with nothing of its own, rendered on every request, to measure what every page pays before its content.",
} as const;

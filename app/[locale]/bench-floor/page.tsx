import type { Metadata } from "next";
import { BENCH_FLOOR_TEXT, requireBenchFloor } from "@/lib/performance/bench-floor";

// The layout floor (lib/performance/bench-floor.ts): the shared layout and nothing else.
export const metadata: Metadata = { title: "Bench floor", robots: { index: false } };

export default function LayoutFloorPage() {
  requireBenchFloor();
  return (
    <div className="mx-auto max-w-2xl px-6 py-12">
      <h1 className="text-3xl font-semibold">{BENCH_FLOOR_TEXT.heading}</h1>
      <p className="mt-4 text-muted-foreground">{BENCH_FLOOR_TEXT.body}</p>
    </div>
  );
}

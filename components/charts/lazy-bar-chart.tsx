"use client";

// recharts is heavy: it loads after the page, in the browser only. The
// numbers are in the table beside each chart meanwhile.
import dynamic from "next/dynamic";
import type { BarDatum } from "./bar-chart";

export type { BarDatum };

export const LazyBarChart = dynamic(() => import("./bar-chart"), {
  ssr: false,
  loading: () => (
    <div aria-hidden="true" className="h-32 w-full animate-pulse rounded-md bg-muted" />
  ),
});

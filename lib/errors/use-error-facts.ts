"use client";
// What the error pages (app/[locale]/error.tsx, app/global-error.tsx) can
// tell the user about a failure they never see the detail of:
//   - whether the service is down (the database unreachable): /api/ready
//     answers 503 then, and the page says "temporarily unavailable";
//   - the failed request's id, as a reference for support: proxy.ts sends it
//     in Server-Timing (rid), which the page's own scripts may read for the
//     page itself and for the router's fetches of the current path; the logs
//     carry the same id.
import { useEffect, useState } from "react";

export type ErrorFacts = { unavailable: boolean; requestId: string | null };

/** The newest request id sent for the current path (the page or the router's fetch of it). */
export function latestRequestId(
  pathname: string,
  entries: readonly PerformanceEntry[],
): string | null {
  let best: { at: number; id: string } | null = null;
  for (const entry of entries) {
    const timing = (entry as PerformanceResourceTiming).serverTiming;
    const id = timing?.find((t) => t.name === "rid")?.description;
    if (!id) continue;
    let path: string;
    try {
      path = new URL(entry.name, "http://x").pathname;
    } catch {
      continue;
    }
    if (path !== pathname) continue;
    if (!best || entry.startTime >= best.at) best = { at: entry.startTime, id };
  }
  return best?.id ?? null;
}

export function useErrorFacts(): ErrorFacts {
  const [facts, setFacts] = useState<ErrorFacts>({ unavailable: false, requestId: null });
  useEffect(() => {
    const entries = [
      ...performance.getEntriesByType("navigation"),
      ...performance.getEntriesByType("resource"),
    ];
    const requestId = latestRequestId(window.location.pathname, entries);
    setFacts((f) => ({ ...f, requestId }));
    const controller = new AbortController();
    fetch("/api/ready", { cache: "no-store", signal: controller.signal })
      .then(
        (response) => !response.ok,
        () => !controller.signal.aborted,
      )
      .then((unavailable) => {
        if (!controller.signal.aborted) setFacts({ unavailable, requestId });
      });
    return () => controller.abort();
  }, []);
  return facts;
}

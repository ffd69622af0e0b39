"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a new profile's scores are being calculated (a few seconds, in a
 * background job), re-renders the page a few times so they appear by
 * themselves. Renders nothing.
 */
export function CalculatingRefresher({
  every = 4000,
  times = 8,
}: {
  every?: number;
  times?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    let count = 0;
    const timer = setInterval(() => {
      count += 1;
      router.refresh();
      if (count >= times) clearInterval(timer);
    }, every);
    return () => clearInterval(timer);
  }, [router, every, times]);
  return null;
}

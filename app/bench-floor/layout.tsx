import type { ReactNode } from "react";
import { inter } from "../fonts";

// The framework floor (lib/performance/bench-floor.ts): none of the app's layouts.
export const dynamic = "force-dynamic";

export default function BenchFloorLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="font-sans">{children}</body>
    </html>
  );
}

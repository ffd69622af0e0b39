import { CircleCheck, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

/** "Few partners" or "Well covered": a word and an icon, never colour alone. */
export function CoverageStatus({
  few,
  fewLabel,
  coveredLabel,
  className,
}: {
  few: boolean;
  fewLabel: string;
  coveredLabel: string;
  className?: string;
}) {
  return few ? (
    <Badge
      variant="outline"
      className={cn(
        "gap-1 whitespace-nowrap border-amber-300 bg-amber-50 text-amber-900",
        className,
      )}
    >
      <TriangleAlert aria-hidden="true" className="size-3.5 shrink-0" />
      {fewLabel}
    </Badge>
  ) : (
    <Badge variant="success" className={cn("gap-1 whitespace-nowrap", className)}>
      <CircleCheck aria-hidden="true" className="size-3.5 shrink-0" />
      {coveredLabel}
    </Badge>
  );
}

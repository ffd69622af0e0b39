import { Badge } from "@/components/ui/badge";
import type { InterestStatus } from "@/lib/generated/prisma/enums";

const VARIANT: Record<InterestStatus, "default" | "secondary" | "outline" | "success" | "muted"> = {
  SUBMITTED: "secondary",
  IN_REVIEW: "default",
  INFO_REQUESTED: "outline",
  PARTNER_REPLIED: "default",
  SHORTLISTED: "default",
  ACCEPTED: "success",
  DECLINED: "muted",
  WITHDRAWN: "muted",
};

/** An expression's status: the label carries the meaning, the colour only helps. */
export function InterestStatusBadge({
  status,
  label,
  className,
}: {
  status: InterestStatus;
  label: string;
  className?: string;
}) {
  return (
    <Badge variant={VARIANT[status]} className={className}>
      {label}
    </Badge>
  );
}

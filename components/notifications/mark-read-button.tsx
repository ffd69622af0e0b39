"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import {
  markAllNotificationsReadAction,
  markNotificationReadAction,
} from "@/lib/notifications/actions";

/** Marks one notification (id) or all of them read, then refreshes the page and the bell. */
export function MarkReadButton({
  id,
  label,
  ariaLabel,
  variant = "outline",
}: {
  id?: string;
  label: string;
  ariaLabel?: string;
  variant?: "outline" | "ghost";
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      size="sm"
      variant={variant}
      aria-label={ariaLabel}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          await (id ? markNotificationReadAction({ id }) : markAllNotificationsReadAction({}));
          router.refresh();
        } finally {
          setPending(false);
        }
      }}
    >
      {label}
    </Button>
  );
}

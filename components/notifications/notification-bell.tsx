import { Bell } from "lucide-react";
import { cn } from "@/lib/utils";

/** The bell in the header: a link to the notification centre with the unread count. */
export function NotificationBell({
  href,
  count,
  label,
}: {
  href: string;
  count: number;
  /** E.g. "Notifications, 3 unread". */
  label: string;
}) {
  return (
    <a
      href={href}
      aria-label={label}
      className="relative inline-flex size-9 shrink-0 items-center justify-center rounded-md border border-border hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <Bell aria-hidden="true" className="size-4" />
      {count > 0 && (
        <span
          aria-hidden="true"
          data-testid="notification-count"
          className={cn(
            "absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-primary px-1 text-center text-xs font-semibold leading-5 text-primary-foreground",
          )}
        >
          {count > 99 ? "99+" : count}
        </span>
      )}
    </a>
  );
}

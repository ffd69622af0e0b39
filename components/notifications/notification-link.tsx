"use client";

import type { ReactNode } from "react";
import { markNotificationReadAction } from "@/lib/notifications/actions";

/** A link to what a notification is about; following it marks the notification read. */
export function NotificationLink({
  id,
  href,
  unread,
  children,
}: {
  id: string;
  href: string;
  unread: boolean;
  children: ReactNode;
}) {
  return (
    <a
      href={href}
      className="underline underline-offset-4 hover:no-underline"
      onClick={async (event) => {
        if (!unread || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)
          return;
        // Mark it read first: leaving the page could cancel the request.
        event.preventDefault();
        await markNotificationReadAction({ id }).catch(() => undefined);
        window.location.assign(href);
      }}
    >
      {children}
    </a>
  );
}

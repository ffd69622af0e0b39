"use client";

import { usePathname, useRouter } from "next/navigation";
import type * as React from "react";

/**
 * A GET form that leaves empty fields (and fields at their default) out of
 * the address: ?country=DE&min=50 rather than ?country=DE&type=&min=50&coop=.
 * Without JavaScript it submits as a plain GET form, which the page parses
 * the same way.
 */
export function CleanGetForm({
  defaults = {},
  children,
  ...props
}: Omit<React.ComponentProps<"form">, "method" | "onSubmit"> & {
  /** Field values that mean "no filter" and are left out too. */
  defaults?: Record<string, string>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <form
      method="get"
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget)) {
          if (typeof value !== "string") continue;
          const trimmed = value.trim();
          if (trimmed === "" || defaults[name] === trimmed) continue;
          query.set(name, trimmed);
        }
        const search = query.toString();
        router.push(search ? `${pathname}?${search}` : pathname);
      }}
    >
      {children}
    </form>
  );
}

"use client";

import { ChevronDown, UserRound } from "lucide-react";
import { signOut } from "next-auth/react";
import { DropdownMenu } from "radix-ui";

type Item = { href: string; label: string };

/** The signed-in user's menu: their pages in groups, then sign out. */
export function UserMenu({
  name,
  menuLabel,
  groups,
  signOutLabel,
  afterSignOut,
}: {
  name: string;
  menuLabel: string;
  groups: Item[][];
  signOutLabel: string;
  afterSignOut: string;
}) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={menuLabel}
        className="inline-flex max-w-44 shrink-0 items-center gap-1.5 rounded-md border border-border px-2.5 py-1.5 text-sm font-medium hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <UserRound aria-hidden="true" className="size-4 shrink-0" />
        <span className="hidden truncate sm:inline">{name}</span>
        <ChevronDown aria-hidden="true" className="size-4 shrink-0" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-52 rounded-lg border border-border bg-card p-1 shadow-lg"
        >
          {groups.map((items, index) => (
            <DropdownMenu.Group key={items[0]?.href ?? index}>
              {index > 0 && <DropdownMenu.Separator className="my-1 h-px bg-border" />}
              {items.map((item) => (
                <DropdownMenu.Item key={item.href} asChild>
                  <a
                    href={item.href}
                    className="block rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-muted"
                  >
                    {item.label}
                  </a>
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Group>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item
            className="cursor-pointer rounded-md px-3 py-2 text-sm outline-none data-[highlighted]:bg-muted"
            onSelect={async () => {
              await signOut({ redirect: false });
              window.location.assign(afterSignOut);
            }}
          >
            {signOutLabel}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

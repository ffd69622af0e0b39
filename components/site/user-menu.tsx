// The signed-in user's menu, with almost no JavaScript of its own: a button
// that opens a popover (the browser's own: Escape, a click outside or the
// button again close it, and focus goes from the button into it), links in
// groups, then the sign-out button (sign-out-button.tsx: the one client part,
// and why it is not a plain form).
import { ChevronDown, UserRound } from "lucide-react";
import { SignOutButton } from "./sign-out-button";

type Item = { href: string; label: string };

const MENU_ID = "user-menu";

const itemClass =
  "block rounded-md px-3 py-2 text-sm text-foreground hover:bg-muted focus-visible:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

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
    <>
      <button
        type="button"
        popoverTarget={MENU_ID}
        className="inline-flex max-w-44 shrink-0 items-center gap-1.5 rounded-md border border-border px-2.5 py-1.5 text-sm font-medium [anchor-name:--user-menu] hover:bg-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <UserRound aria-hidden="true" className="size-4 shrink-0" />
        {/*
          The button's name is what it shows (WCAG 2.5.3, label in name): on a
          phone only the icon, so "Account menu"; wider, the user's name, then
          "– Account menu" for screen readers.
        */}
        <span className="sr-only sm:hidden">{menuLabel}</span>
        <span className="hidden truncate sm:inline">{name}</span>
        <span className="hidden sm:inline sm:sr-only">{` – ${menuLabel}`}</span>
        <ChevronDown aria-hidden="true" className="size-4 shrink-0" />
      </button>
      {/*
        In the top layer, placed under the button: by CSS anchor positioning
        where the browser has it, else where the header puts the button (the
        header is max-w-6xl with px-4 / sm:px-6, 61px tall, and scrolls away
        with the page, as this does when positioned absolutely).
        No display class here: it would override the hidden state.
      */}
      <div
        id={MENU_ID}
        popover="auto"
        className="absolute inset-auto m-0 min-w-52 max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-card p-1 text-card-foreground shadow-lg [position-anchor:--user-menu] supports-[anchor-name:--a]:right-[anchor(right)] supports-[anchor-name:--a]:top-[calc(anchor(bottom)+6px)] not-supports-[anchor-name:--a]:right-4 not-supports-[anchor-name:--a]:top-[4.2rem] sm:not-supports-[anchor-name:--a]:right-[max(1.5rem,calc((100%-72rem)/2+1.5rem))]"
      >
        {groups.map((items, index) => (
          <ul
            key={items[0]?.href ?? index}
            className={index > 0 ? "mt-1 border-t border-border pt-1" : undefined}
          >
            {items.map((item) => (
              <li key={item.href}>
                <a href={item.href} className={itemClass}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        ))}
        <div className="mt-1 border-t border-border pt-1">
          <SignOutButton
            label={signOutLabel}
            afterSignOut={afterSignOut}
            className={`${itemClass} w-full cursor-pointer text-left disabled:opacity-60`}
          />
        </div>
      </div>
    </>
  );
}

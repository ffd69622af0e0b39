"use client";

import { useTransition } from "react";
import { signOut } from "@/lib/auth/actions";

/**
 * The account menu's last item. A button that calls the sign-out action
 * (which revokes the session, clears the cookie and redirects to the sign-in
 * page), not a plain HTML form: a form would work without JavaScript, but any
 * client that submits every form it finds with the user's cookie (the
 * security scanners of `npm run security:scan`, wapiti in particular, cannot
 * be told to skip one form) would end the session it is testing with. When
 * the session had already ended elsewhere (the action answers instead of
 * redirecting), it goes to the sign-in page all the same.
 */
export function SignOutButton({
  label,
  className,
  afterSignOut,
}: {
  label: string;
  className: string;
  afterSignOut: string;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className={className}
      aria-busy={pending || undefined}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOut({});
          window.location.assign(afterSignOut);
        })
      }
    >
      {label}
    </button>
  );
}

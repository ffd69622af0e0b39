import { createNavigation } from "next-intl/navigation";
import type { ComponentProps } from "react";
import { routing } from "./routing";

const navigation = createNavigation(routing);

export const { redirect, usePathname, useRouter, getPathname } = navigation;

/**
 * next-intl's Link, without prefetching unless a link asks for it
 * (docs/decisions/009). Every page here renders per request, so a prefetch
 * can only fetch a page's route tree and metadata: it cost the server 19 and
 * 39 ms of CPU per link (two requests each), a dozen links per view of the
 * officials' queue, three times what the queue itself cost; and a click waits
 * for the server all the same.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof navigation.Link>) {
  return <navigation.Link prefetch={prefetch} {...props} />;
}

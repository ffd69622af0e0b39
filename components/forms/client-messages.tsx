import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n/messages";

type Namespace = keyof Messages;

/** Gives the client components below only the message namespaces they use. */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: Namespace[];
  children: ReactNode;
}) {
  const all = (await getMessages()) as Messages;
  const picked = Object.fromEntries(
    ["validation", "errors", "form", "error", ...namespaces].map((n) => [n, all[n as Namespace]]),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}

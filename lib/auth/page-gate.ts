import "server-only";
import { notFound, redirect } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { authorize, type Caller, type GateRule, getCaller } from "./gate";

/**
 * The gate for pages: no session sends the visitor to sign in and back;
 * a caller without the right role gets a 404, so that admin and official
 * pages do not even reveal that they exist.
 */
export async function requirePageCaller(
  locale: Locale,
  path: string,
  rule: GateRule = {},
): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect(`/${locale}/login?next=${encodeURIComponent(`/${locale}${path}`)}`);
  try {
    // A signed-in caller with the wrong role is recorded (authz.denied) before the 404.
    return authorize(caller, rule, { page: `/${locale}${path}`.split("?")[0]! });
  } catch {
    notFound();
  }
}

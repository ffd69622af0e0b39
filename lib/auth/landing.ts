import "server-only";
import { db } from "@/lib/db";
import type { Caller } from "./gate";

/** The first page of a signed-in user: unfinished onboarding first, then the role's home. */
export async function getLandingPath(caller: Caller): Promise<string> {
  if (caller.role === "ADMIN") return "/admin/users";
  if (caller.role === "OFFICIAL") return "/official";
  if (!caller.organisationId) return "/onboarding";
  const organisation = await db.organisation.findUnique({
    where: { id: caller.organisationId },
    select: { onboardingStep: true },
  });
  return organisation?.onboardingStep ? "/onboarding" : "/matches";
}

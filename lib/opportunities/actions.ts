"use server";

import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { createAction } from "@/lib/server/action";
import { closeOpportunity, reopenOpportunity, saveOpportunity } from "./mutations";
import { opportunitySaveSchema, opportunityStatusSchema } from "./schema";

const access = { roles: OFFICIAL_ROLES };

const result = (saved: { id: string; slug: string; status: string; updatedAt: Date }) => ({
  id: saved.id,
  slug: saved.slug,
  status: saved.status,
  updatedAt: saved.updatedAt.toISOString(),
});

/** Officials and admins save an opportunity (new or edited) and, with intent "publish", publish it. */
export const saveOpportunityAction = createAction(
  { schema: opportunitySaveSchema, access, name: "opportunities.save" },
  async ({ id, updatedAt, intent, ...values }, { caller }) =>
    result(
      await saveOpportunity({
        actorId: caller!.userId,
        id,
        expectedUpdatedAt: updatedAt ? new Date(updatedAt) : undefined,
        values,
        publish: intent === "publish",
      }),
    ),
);

export const closeOpportunityAction = createAction(
  { schema: opportunityStatusSchema, access, name: "opportunities.close" },
  async ({ id, updatedAt }, { caller }) =>
    result(
      await closeOpportunity({
        actorId: caller!.userId,
        id,
        expectedUpdatedAt: new Date(updatedAt),
      }),
    ),
);

export const reopenOpportunityAction = createAction(
  { schema: opportunityStatusSchema, access, name: "opportunities.reopen" },
  async ({ id, updatedAt }, { caller }) =>
    result(
      await reopenOpportunity({
        actorId: caller!.userId,
        id,
        expectedUpdatedAt: new Date(updatedAt),
      }),
    ),
);

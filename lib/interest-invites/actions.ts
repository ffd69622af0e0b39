"use server";

import { env } from "@/lib/env";
import { OFFICIAL_ROLES } from "@/lib/matching/official-schema";
import { enforce, type RateLimitRule } from "@/lib/rate-limit";
import { createAction } from "@/lib/server/action";
import { inviteToExpressInterest } from "./mutations";
import { interestInviteSchema } from "./schema";

/** Invitations per official: a day's careful outreach, not a mass mailing. */
const INVITES_PER_OFFICIAL: RateLimitRule = { limit: 50, windowSeconds: 60 * 60 };

/** An official or admin invites an organisation on a ranked list to express interest. */
export const inviteToExpressInterestAction = createAction(
  {
    schema: interestInviteSchema,
    access: { roles: OFFICIAL_ROLES },
    name: "interestInvites.create",
  },
  async ({ organisationId, targetKind, targetId }, { caller }) => {
    const me = caller!;
    await enforce([{ key: `interest-invite:user:${me.userId}`, rule: INVITES_PER_OFFICIAL }]);
    const invite = await inviteToExpressInterest({
      invitedById: me.userId,
      officialName: me.name,
      organisationId,
      targetKind,
      targetId,
      appUrl: env().NEXTAUTH_URL,
    });
    return { invitedAt: invite.invitedAt.toISOString(), recipients: invite.recipients };
  },
);

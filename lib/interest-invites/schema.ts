// An official invites an organisation to express interest in a theme or a
// published opportunity. Isomorphic: no Prisma import. The organisation is
// input here on purpose: officials act on any organisation they can see.
import { z } from "zod";
import { id } from "@/lib/validation/fields";

/** How long after an invitation the same organisation may not be invited to the same target again. */
export const REINVITE_AFTER_DAYS = 30;

export const TARGET_KINDS = ["THEME", "OPPORTUNITY"] as const;

export const interestInviteSchema = z.strictObject({
  organisationId: id,
  targetKind: z.enum(TARGET_KINDS),
  targetId: id,
});
export type InterestInviteInput = z.input<typeof interestInviteSchema>;

/** Why an invitation link cannot be used (or "valid" when it can). */
export type InvitationState = "valid" | "unknown" | "expired" | "revoked" | "used";

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null,
  now = new Date(),
): InvitationState {
  if (!invitation) return "unknown";
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

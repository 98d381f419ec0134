export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

/** Where an invitation stands: used, revoked, past its expiry, or still pending. */
export function invitationStatus(row: {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() < Date.now()) return "expired";
  return "pending";
}

import type { NotificationKind } from "@/lib/generated/prisma/enums";

/** The first line of an inbox entry or email: who did what. */
export function headlineOf(kind: NotificationKind, actorName: string | null): string {
  const who = actorName ?? "Someone";
  switch (kind) {
    case "MENTION":
      return `${who} mentioned you`;
    case "ASSIGNED":
      return `${who} assigned you`;
    case "STATUS_CHANGED":
      return `${who} changed the status`;
    case "COMMENT":
      return `${who} commented`;
    case "EVIDENCE":
      return `${who} added evidence`;
    case "ARCHIVED":
      return `${who} archived a recommendation you watch`;
    case "DUE_SOON":
      return "Due soon";
    case "OVERDUE":
      return "Overdue";
    case "INVITATION_ACCEPTED":
      return `${who} joined`;
  }
}

/**
 * The one permission map. The UI uses it to hide controls; the server (lib/server/authz.ts, called by every mutation and page) uses it to refuse.
 * Each role adds to the one below it: viewer < editor < admin < owner.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const satisfies readonly Role[];

const VIEWER: Role[] = ["OWNER", "ADMIN", "EDITOR", "VIEWER"];
const EDITOR: Role[] = ["OWNER", "ADMIN", "EDITOR"];
const ADMIN: Role[] = ["OWNER", "ADMIN"];
const OWNER: Role[] = ["OWNER"];

export const permissions = {
  "workspace.read": VIEWER,
  "workspace.rename": OWNER, // also guards the other workspace settings (email language)
  "workspace.delete": OWNER,
  "workspace.transfer": OWNER,
  "recommendation.create": EDITOR,
  "recommendation.update": EDITOR,
  "recommendation.assign": EDITOR,
  "recommendation.delete": OWNER,
  "comment.create": EDITOR,
  "comment.deleteAny": ADMIN,
  "evidence.manage": EDITOR,
  "action.manage": EDITOR,
  "member.read": ADMIN,
  "member.manage": ADMIN,
  "invitation.manage": ADMIN,
  "tracker.manage": ADMIN,
  "tracker.import": EDITOR,
  "snapshot.manage": ADMIN,
  "tracker.publish": ADMIN,
  "audit.read": ADMIN,
} as const satisfies Record<string, Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (permissions[permission] as readonly Role[]).includes(role);
}

/** Roles that `actorRole` may hand out: admins manage up to admin, only owners create owners. */
export function assignableRoles(actorRole: Role): Role[] {
  if (actorRole === "OWNER") return ["OWNER", "ADMIN", "EDITOR", "VIEWER"];
  if (actorRole === "ADMIN") return ["ADMIN", "EDITOR", "VIEWER"];
  return [];
}

/**
 * English role names, for text that is not translated yet. Screens use the `roles` catalogue namespace
 * (`t(role)` with `useTranslations("roles")`), which names each role in the reader's language.
 */
export const roleLabels: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  EDITOR: "Editor",
  VIEWER: "Viewer",
};

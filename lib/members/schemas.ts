import { z } from "zod";
import { ROLES } from "@/lib/permissions";

export const RoleSchema = z.enum(ROLES, "validation.memberRoleRequired");

export const ChangeRoleSchema = z.object({
  workspaceSlug: z.string().min(1),
  membershipId: z.string().min(1),
  role: RoleSchema,
});

export const MembershipRefSchema = z.object({
  workspaceSlug: z.string().min(1),
  membershipId: z.string().min(1),
});

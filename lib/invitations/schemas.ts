import { z } from "zod";
import { EmailSchema } from "@/lib/accounts/schemas";
import { RoleSchema } from "@/lib/members/schemas";

export const InviteMemberSchema = z.object({
  workspaceSlug: z.string().min(1),
  email: EmailSchema,
  role: RoleSchema,
});

export const InvitationRefSchema = z.object({
  workspaceSlug: z.string().min(1),
  invitationId: z.string().min(1),
});

export const AcceptInvitationSchema = z.object({
  token: z
    .string()
    .min(20, "accountsClient.validation.accountLinkIncomplete")
    .max(200, "accountsClient.validation.accountLinkIncomplete"),
});

"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/server/auth/session";
import { requestIp } from "@/lib/server/auth/request-ip";
import { success, type ActionResult } from "@/lib/action-result";
import { acceptInvitation } from "@/lib/invitations/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { AcceptInvitationSchema } from "@/lib/invitations/schemas";
import { revalidatePath } from "next/cache";
import { successWith } from "@/lib/action-result";
import { inviteMember, revokeInvitation } from "@/lib/invitations/mutations";
import { InvitationRefSchema, InviteMemberSchema } from "@/lib/invitations/schemas";
import { routes } from "@/lib/routes";

export async function acceptInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let slug: string | undefined;
  const result = await runAction(AcceptInvitationSchema, formToObject(form), async (input) => {
    const user = await requireUser(`/invite/${input.token}`);
    slug = (await acceptInvitation(user, input.token)).workspaceSlug;
    return success("invitations.welcome");
  });
  if (result.ok && slug) redirect(routes.workspace(slug));
  return result;
}

// Thin server actions (docs/architecture.md): parse with the form's own schema → the mutation authorizes,
// writes the change and its event in one transaction (lib/server/mutate.ts) → revalidate → ActionResult.

export async function inviteMemberAction(
  _: ActionResult<{ link: string; isEmailed: boolean }>,
  form: FormData,
): Promise<ActionResult<{ link: string; isEmailed: boolean }>> {
  return runAction(InviteMemberSchema, formToObject(form), async (input) => {
    const result = await inviteMember(input.workspaceSlug, input.email, input.role, await requestIp());
    revalidatePath(routes.members(input.workspaceSlug));
    const t = await getTranslations("invitations");
    return successWith(result, result.isEmailed ? t("emailed", { email: input.email }) : t("created"));
  });
}

export async function revokeInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(InvitationRefSchema, formToObject(form), async (input) => {
    await revokeInvitation(input.workspaceSlug, input.invitationId);
    revalidatePath(routes.members(input.workspaceSlug));
    return success("invitations.revoked");
  });
}

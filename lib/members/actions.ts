"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { success, type ActionResult } from "@/lib/action-result";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/members/mutations";
import { formToObject, runAction } from "@/lib/server/run-action";
import { ChangeRoleSchema, MembershipRefSchema } from "@/lib/members/schemas";
import { routes } from "@/lib/routes";

export async function changeRoleAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(ChangeRoleSchema, formToObject(form), async (input) => {
    await changeMemberRole(input.workspaceSlug, input.membershipId, input.role);
    revalidatePath(routes.members(input.workspaceSlug));
    return success("members.toasts.roleUpdated");
  });
}

export async function removeMemberAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let hasLeft = false;
  const result = await runAction(MembershipRefSchema, formToObject(form), async (input) => {
    hasLeft = (await removeMember(input.workspaceSlug, input.membershipId)).isSelf;
    revalidatePath(routes.members(input.workspaceSlug));
    return success(hasLeft ? "members.toasts.left" : "members.toasts.removed");
  });
  if (result.ok && hasLeft) redirect("/");
  return result;
}

export async function transferOwnershipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(MembershipRefSchema, formToObject(form), async (input) => {
    await transferOwnership(input.workspaceSlug, input.membershipId);
    revalidatePath(routes.workspace(input.workspaceSlug), "layout");
    return success("members.toasts.ownershipTransferred");
  });
}

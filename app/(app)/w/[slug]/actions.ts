"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { success, successWith, type ActionResult } from "@/lib/action-result";
import { inviteMember, revokeInvitation } from "@/lib/dal/invitations";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/dal/members";
import { createTracker } from "@/lib/dal/trackers";
import { deleteWorkspace, renameWorkspace } from "@/lib/dal/workspaces";
import { CreateTrackerSchema } from "@/lib/validation/recommendation";
import { formToObject, runAction } from "@/lib/run-action";
import {
  ChangeRoleSchema,
  DeleteWorkspaceSchema,
  InvitationRefSchema,
  InviteMemberSchema,
  MembershipRefSchema,
  RenameWorkspaceSchema,
} from "@/lib/validation/workspace";

// Every action here: parse with the shared schema → authorize and mutate in lib/dal (membership,
// role and workspace scope are re-checked there, with the audit event in the same transaction).

export async function inviteMemberAction(
  _: ActionResult<{ link: string; isEmailed: boolean }>,
  form: FormData,
): Promise<ActionResult<{ link: string; isEmailed: boolean }>> {
  return runAction(InviteMemberSchema, formToObject(form), async (input) => {
    const result = await inviteMember(input.workspaceSlug, input.email, input.role);
    revalidatePath(`/w/${input.workspaceSlug}/members`);
    return successWith(
      result,
      result.isEmailed ? `Invitation emailed to ${input.email}` : "Invitation created: copy the link",
    );
  });
}

export async function revokeInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(InvitationRefSchema, formToObject(form), async (input) => {
    await revokeInvitation(input.workspaceSlug, input.invitationId);
    revalidatePath(`/w/${input.workspaceSlug}/members`);
    return success("Invitation revoked");
  });
}

export async function changeRoleAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(ChangeRoleSchema, formToObject(form), async (input) => {
    await changeMemberRole(input.workspaceSlug, input.membershipId, input.role);
    revalidatePath(`/w/${input.workspaceSlug}/members`);
    return success("Role updated");
  });
}

export async function removeMemberAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let hasLeft = false;
  const result = await runAction(MembershipRefSchema, formToObject(form), async (input) => {
    hasLeft = (await removeMember(input.workspaceSlug, input.membershipId)).isSelf;
    revalidatePath(`/w/${input.workspaceSlug}/members`);
    return success(hasLeft ? "You left the workspace" : "Member removed");
  });
  if (result.ok && hasLeft) redirect("/");
  return result;
}

export async function transferOwnershipAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(MembershipRefSchema, formToObject(form), async (input) => {
    await transferOwnership(input.workspaceSlug, input.membershipId);
    revalidatePath(`/w/${input.workspaceSlug}`, "layout");
    return success("Ownership transferred. You are now an admin.");
  });
}

export async function renameWorkspaceAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(RenameWorkspaceSchema, formToObject(form), async (input) => {
    await renameWorkspace(input.workspaceSlug, input.name);
    revalidatePath("/", "layout");
    return success("Workspace renamed");
  });
}

export async function deleteWorkspaceAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(DeleteWorkspaceSchema, formToObject(form), async (input) => {
    await deleteWorkspace(input.workspaceSlug, input.confirmSlug);
    return success("Workspace deleted");
  });
  if (result.ok) redirect("/");
  return result;
}

export async function createTrackerAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let target: string | undefined;
  const result = await runAction(CreateTrackerSchema, formToObject(form), async (input) => {
    target = (await createTracker(input)).path;
    return success("Tracker created");
  });
  if (result.ok && target) redirect(target);
  return result;
}

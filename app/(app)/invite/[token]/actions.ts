"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { success, type ActionResult } from "@/lib/action-result";
import { acceptInvitation } from "@/lib/dal/invitations";
import { formToObject, runAction } from "@/lib/run-action";
import { AcceptInvitationSchema } from "@/lib/validation/workspace";

export async function acceptInvitationAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  let slug: string | undefined;
  const result = await runAction(AcceptInvitationSchema, formToObject(form), async (input) => {
    const user = await requireUser(`/invite/${input.token}`);
    slug = (await acceptInvitation(user, input.token)).workspaceSlug;
    return success("Welcome to the workspace");
  });
  if (result.ok && slug) redirect(`/w/${slug}`);
  return result;
}

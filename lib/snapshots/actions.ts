"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { successWith, type ActionResult } from "@/lib/action-result";
import { formToObject, runAction } from "@/lib/server/run-action";
import { createSnapshot } from "@/lib/snapshots/mutations";
import { CreateSnapshotSchema } from "@/lib/snapshots/schemas";

// Thin server actions (docs/architecture.md): parse with the form's schema → the mutation authorizes,
// writes the snapshot and its event in one transaction → revalidate → ActionResult.

export async function createSnapshotAction(
  _: ActionResult<{ path: string } | null>,
  form: FormData,
): Promise<ActionResult<{ path: string } | null>> {
  return runAction(CreateSnapshotSchema, formToObject(form), async (input) => {
    const { path, listPath } = await createSnapshot(input);
    revalidatePath(listPath);
    const t = await getTranslations("snapshots");
    return successWith({ path }, t("taken", { name: input.name }));
  });
}

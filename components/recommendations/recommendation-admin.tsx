"use client";

import { Archive, ArchiveRestore, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { archiveRecommendationAction, deleteRecommendationAction } from "@/lib/recommendations/actions";
import { DeleteRecommendationSchema } from "@/lib/recommendations/schemas";

/** Archive / restore for editors; permanent deletion for owners, behind a typed confirmation. */
export function RecommendationAdmin({
  workspaceSlug,
  recommendationId,
  isArchived,
  canDelete,
}: {
  workspaceSlug: string;
  recommendationId: string;
  isArchived: boolean;
  canDelete: boolean;
}) {
  const t = useTranslations("recommendationClient.admin");
  const archive = useServerAction(archiveRecommendationAction);
  const [isDeleteOpen, setIsDeleteOpen] = useState(false);
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        size="sm"
        variant="secondary"
        isPending={archive.isPending}
        onClick={() => archive.run({ workspaceSlug, id: recommendationId, archived: String(!isArchived) })}
      >
        {isArchived ? (
          <ArchiveRestore aria-hidden className="size-4" />
        ) : (
          <Archive aria-hidden className="size-4" />
        )}
        {isArchived ? t("restore") : t("archive")}
      </Button>
      {canDelete ? (
        <Dialog
          open={isDeleteOpen}
          onOpenChange={setIsDeleteOpen}
          title={t("deleteTitle")}
          description={t("deleteDescription")}
          trigger={
            <Button size="sm" variant="ghost" className="text-red-700">
              <Trash2 aria-hidden className="size-4" /> {t("delete")}
            </Button>
          }
        >
          <ActionForm
            action={deleteRecommendationAction}
            schema={DeleteRecommendationSchema}
            submitLabel={t("deleteTitle")}
            pendingLabel={t("deleting")}
            submitVariant="danger"
            aria-label={t("deleteTitle")}
          >
            <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
            <input type="hidden" name="recommendationId" value={recommendationId} />
            <Field name="confirm" label={t("confirmLabel")} autoComplete="off" required />
          </ActionForm>
        </Dialog>
      ) : null}
    </div>
  );
}

"use client";

import { useState } from "react";
import { Icon } from "@/components/ui/icon";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { createRecommendationAction } from "@/lib/recommendations/actions";
import { CreateRecommendationSchema } from "@/lib/recommendations/schemas";

export function NewRecommendationButton({
  workspaceSlug,
  trackerId,
  sections,
  defaultSectionId,
}: {
  workspaceSlug: string;
  trackerId: string;
  sections: { id: string; title: string }[];
  defaultSectionId?: string;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const t = useTranslations("trackerClient.newRecommendation");
  const tCommon = useTranslations("common");
  if (sections.length === 0) return null;
  return (
    <Dialog
      open={isOpen}
      onOpenChange={setIsOpen}
      title={t("title")}
      trigger={
        <Button size="sm">
          <Icon name="plus" className="size-4" /> {t("title")}
        </Button>
      }
    >
      <ActionForm
        action={createRecommendationAction}
        schema={CreateRecommendationSchema}
        submitLabel={t("submit")}
        pendingLabel={tCommon("adding")}
        aria-label={t("title")}
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <input type="hidden" name="trackerId" value={trackerId} />
        <SelectField
          name="sectionId"
          label={t("section")}
          defaultValue={defaultSectionId ?? sections[0]?.id}
          options={sections.map((s) => ({ value: s.id, label: s.title }))}
        />
        <Field name="title" label={t("shortTitle")} placeholder={t("shortTitlePlaceholder")} required />
        <TextAreaField name="text" label={t("fullText")} rows={4} required />
      </ActionForm>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextAreaField } from "@/components/ui/field";
import { TrackerLanguageSelect } from "@/components/trackers/tracker-language-form";
import { createTrackerAction } from "@/lib/trackers/actions";
import { CreateTrackerSchema } from "@/lib/trackers/schemas";

export function NewTrackerButton({ workspaceSlug }: { workspaceSlug: string }) {
  const t = useTranslations("newTrackerClient");
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog
      open={isOpen}
      onOpenChange={setIsOpen}
      title={t("title")}
      description={t("description")}
      trigger={
        <Button>
          <Plus aria-hidden className="size-4" /> {t("button")}
        </Button>
      }
    >
      <ActionForm
        action={createTrackerAction}
        schema={CreateTrackerSchema}
        submitLabel={t("submit")}
        pendingLabel={t("pending")}
        aria-label={t("title")}
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <Field name="name" label={t("name")} placeholder={t("namePlaceholder")} required />
        <TextAreaField name="description" label={t("descriptionLabel")} rows={2} />
        <TextAreaField
          name="sections"
          label={t("sections")}
          rows={5}
          placeholder={t("sectionsPlaceholder")}
          required
        />
        <TrackerLanguageSelect />
      </ActionForm>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
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
  if (sections.length === 0) return null;
  return (
    <Dialog
      open={isOpen}
      onOpenChange={setIsOpen}
      title="New recommendation"
      trigger={
        <Button size="sm">
          <Plus aria-hidden className="size-4" /> New recommendation
        </Button>
      }
    >
      <ActionForm
        action={createRecommendationAction}
        schema={CreateRecommendationSchema}
        submitLabel="Add recommendation"
        pendingLabel="Adding…"
        aria-label="New recommendation"
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <input type="hidden" name="trackerId" value={trackerId} />
        <SelectField
          name="sectionId"
          label="Section"
          defaultValue={defaultSectionId ?? sections[0]?.id}
          options={sections.map((s) => ({ value: s.id, label: s.title }))}
        />
        <Field
          name="title"
          label="Short title"
          placeholder="e.g. Rejoin the UN Human Rights Council"
          required
        />
        <TextAreaField name="text" label="Full text" rows={4} required />
      </ActionForm>
    </Dialog>
  );
}

"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextAreaField } from "@/components/ui/field";
import { createTrackerAction } from "@/lib/trackers/actions";
import { CreateTrackerSchema } from "@/lib/trackers/schemas";

export function NewTrackerButton({ workspaceSlug }: { workspaceSlug: string }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dialog
      open={isOpen}
      onOpenChange={setIsOpen}
      title="New tracker"
      description="Start from a document's structure: name the tracker and list its sections. You can add recommendations next."
      trigger={
        <Button>
          <Plus aria-hidden className="size-4" /> New tracker
        </Button>
      }
    >
      <ActionForm
        action={createTrackerAction}
        schema={CreateTrackerSchema}
        submitLabel="Create tracker"
        pendingLabel="Creating…"
        aria-label="New tracker"
      >
        <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
        <Field name="name" label="Name" placeholder="e.g. UPR 2025 recommendations" required />
        <TextAreaField name="description" label="Description (optional)" rows={2} />
        <TextAreaField
          name="sections"
          label="Sections, one per line"
          rows={5}
          placeholder={"Reverse and Revoke\nReaffirm\nRebuild"}
          required
        />
      </ActionForm>
    </Dialog>
  );
}

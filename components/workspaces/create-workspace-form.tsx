"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { createWorkspaceAction } from "@/lib/workspaces/actions";
import { CreateWorkspaceSchema, suggestSlug } from "@/lib/workspaces/schemas";

export function CreateWorkspaceForm() {
  const [slug, setSlug] = useState("");
  const [isSlugEdited, setIsSlugEdited] = useState(false);
  return (
    <ActionForm
      action={createWorkspaceAction}
      schema={CreateWorkspaceSchema}
      submitLabel="Create workspace"
      pendingLabel="Creating…"
      aria-label="Create workspace"
    >
      <Field
        name="name"
        label="Name"
        placeholder="e.g. Coalition for Human Rights Leadership"
        required
        onChange={(event) => {
          if (!isSlugEdited) setSlug(suggestSlug(event.target.value));
        }}
      />
      <Field
        name="slug"
        label="Address"
        required
        value={slug}
        onChange={(event) => {
          setIsSlugEdited(true);
          setSlug(event.target.value.toLowerCase());
        }}
        hint={`Your workspace will live at /w/${slug || "your-address"}`}
      />
    </ActionForm>
  );
}

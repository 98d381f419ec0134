"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { createWorkspaceAction } from "@/lib/workspaces/actions";
import { CreateWorkspaceSchema, suggestSlug } from "@/lib/workspaces/schemas";

export function CreateWorkspaceForm() {
  const t = useTranslations("homeClient.createWorkspace");
  const [slug, setSlug] = useState("");
  const [isSlugEdited, setIsSlugEdited] = useState(false);
  return (
    <ActionForm
      action={createWorkspaceAction}
      schema={CreateWorkspaceSchema}
      submitLabel={t("submit")}
      pendingLabel={t("pending")}
      aria-label={t("formLabel")}
    >
      <Field
        name="name"
        label={t("name")}
        placeholder={t("namePlaceholder")}
        required
        onChange={(event) => {
          if (!isSlugEdited) setSlug(suggestSlug(event.target.value));
        }}
      />
      <Field
        name="slug"
        label={t("address")}
        required
        value={slug}
        onChange={(event) => {
          setIsSlugEdited(true);
          setSlug(event.target.value.toLowerCase());
        }}
        hint={t("addressHint", { slug: slug || t("addressPlaceholder") })}
      />
    </ActionForm>
  );
}

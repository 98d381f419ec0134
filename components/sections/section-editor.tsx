"use client";

import { useState } from "react";
import { Archive, ArchiveRestore, Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { VersionField } from "@/components/ui/version-field";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { ReorderButtons } from "@/components/recommendations/reorder-buttons";
import { archiveSectionAction, createSectionAction, updateSectionAction } from "@/lib/sections/actions";
import { CreateSectionSchema, UpdateSectionSchema } from "@/lib/sections/schemas";

type SectionItem = {
  id: string;
  title: string;
  description: string | null;
  version: number;
  isArchived: boolean;
  count: number;
};

export function SectionRow({ workspaceSlug, section }: { workspaceSlug: string; section: SectionItem }) {
  const [isEditing, setIsEditing] = useState(false);
  const archive = useServerAction(archiveSectionAction);
  const t = useTranslations("sectionsClient");
  const tCommon = useTranslations("common");
  if (isEditing) {
    return (
      <li className="px-4 py-3">
        <ActionForm
          action={updateSectionAction}
          schema={UpdateSectionSchema}
          submitLabel={t("save")}
          pendingLabel={tCommon("saving")}
          onSuccess={() => setIsEditing(false)}
          aria-label={t("editNamed", { title: section.title })}
        >
          <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
          <input type="hidden" name="sectionId" value={section.id} />
          <VersionField version={section.version} />
          <Field name="title" label={t("title")} defaultValue={section.title} required />
          <TextAreaField
            name="description"
            label={t("description")}
            defaultValue={section.description ?? ""}
            rows={2}
          />
        </ActionForm>
        <Button size="sm" variant="ghost" className="mt-1" onClick={() => setIsEditing(false)}>
          {tCommon("cancel")}
        </Button>
      </li>
    );
  }
  return (
    <li className="group flex items-center gap-2 px-2 py-2.5">
      {section.isArchived ? (
        <span className="w-6" />
      ) : (
        <ReorderButtons workspaceSlug={workspaceSlug} id={section.id} label={section.title} kind="section" />
      )}
      <div className="min-w-0 flex-1">
        <p
          className={
            section.isArchived ? "text-sm font-medium text-zinc-500 line-through" : "text-sm font-medium"
          }
        >
          {section.title}
        </p>
        <p className="text-xs text-zinc-500">
          {t("count", { count: section.count })}
          {section.isArchived ? ` · ${t("archived")}` : ""}
        </p>
      </div>
      {!section.isArchived ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setIsEditing(true)}
          aria-label={t("renameNamed", { title: section.title })}
        >
          <Pencil aria-hidden className="size-3.5" /> {t("edit")}
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        isPending={archive.isPending}
        onClick={() => archive.run({ workspaceSlug, id: section.id, archived: String(!section.isArchived) })}
        aria-label={
          section.isArchived
            ? t("restoreNamed", { title: section.title })
            : t("archiveNamed", { title: section.title })
        }
      >
        {section.isArchived ? (
          <ArchiveRestore aria-hidden className="size-3.5" />
        ) : (
          <Archive aria-hidden className="size-3.5" />
        )}
        {section.isArchived ? t("restore") : t("archive")}
      </Button>
    </li>
  );
}

export function NewSectionForm({ workspaceSlug, trackerId }: { workspaceSlug: string; trackerId: string }) {
  const t = useTranslations("sectionsClient");
  const tCommon = useTranslations("common");
  return (
    <ActionForm
      action={createSectionAction}
      schema={CreateSectionSchema}
      submitLabel={t("add")}
      pendingLabel={tCommon("adding")}
      resetOnSuccess
      aria-label={t("addLabel")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="trackerId" value={trackerId} />
      <Field name="title" label={t("sectionTitle")} placeholder={t("sectionTitlePlaceholder")} required />
      <TextAreaField name="description" label={t("descriptionOptional")} rows={2} />
    </ActionForm>
  );
}

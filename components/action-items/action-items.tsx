"use client";

import { useOptimistic, useState } from "react";
import { CalendarClock, Pencil, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { VersionField } from "@/components/ui/version-field";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import {
  createActionItemAction,
  deleteActionItemAction,
  toggleActionItemAction,
  updateActionItemAction,
} from "@/lib/action-items/actions";
import { cn } from "@/lib/cn";
import { CreateActionItemSchema, UpdateActionItemSchema } from "@/lib/action-items/schemas";

export type ActionItemView = {
  id: string;
  title: string;
  dueDate: string | null; // YYYY-MM-DD
  isDone: boolean;
  isOverdue: boolean;
  version: number;
  owner: { id: string; name: string } | null;
};

type Props = {
  workspaceSlug: string;
  recommendationId: string;
  items: ActionItemView[];
  members: { id: string; name: string }[];
  canEdit: boolean;
};

/** The checklist of concrete advocacy actions: owner, due date, done (optimistic), overdue highlighted. */
export function ActionItems({ workspaceSlug, recommendationId, items, members, canEdit }: Props) {
  const [optimisticItems, setDone] = useOptimistic(
    items,
    (current: ActionItemView[], change: { id: string; isDone: boolean }) =>
      current.map((item) =>
        item.id === change.id
          ? { ...item, isDone: change.isDone, isOverdue: change.isDone ? false : item.isOverdue }
          : item,
      ),
  );
  const t = useTranslations("actionsClient");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const toggle = useServerAction(toggleActionItemAction);
  const remove = useServerAction(deleteActionItemAction);
  const [editingId, setEditingId] = useState<string | null>(null);
  const memberOptions = [
    { value: "", label: t("noOwner") },
    ...members.map((m) => ({ value: m.id, label: m.name })),
  ];

  return (
    <div>
      {optimisticItems.length === 0 ? (
        <p className="text-sm text-zinc-500">{canEdit ? t("emptyCanEdit") : t("empty")}</p>
      ) : (
        <ul className="divide-y divide-zinc-100" aria-label={t("list")}>
          {optimisticItems.map((item) =>
            editingId === item.id ? (
              <li key={item.id} className="py-2">
                <ActionForm
                  action={updateActionItemAction}
                  schema={UpdateActionItemSchema}
                  submitLabel={t("save")}
                  pendingLabel={tCommon("saving")}
                  onSuccess={() => setEditingId(null)}
                  className="space-y-3"
                >
                  <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
                  <input type="hidden" name="actionId" value={item.id} />
                  <VersionField version={item.version} />
                  <ActionFields
                    title={item.title}
                    ownerId={item.owner?.id ?? ""}
                    dueDate={item.dueDate ?? ""}
                    memberOptions={memberOptions}
                  />
                </ActionForm>
                <Button size="sm" variant="ghost" className="mt-1" onClick={() => setEditingId(null)}>
                  {tCommon("cancel")}
                </Button>
              </li>
            ) : (
              <li
                key={item.id}
                className={cn(
                  "flex items-start gap-2 py-2",
                  item.isOverdue && "rounded-md bg-red-50/70 px-2",
                )}
              >
                <input
                  type="checkbox"
                  checked={item.isDone}
                  disabled={!canEdit}
                  aria-label={
                    item.isDone ? t("reopen", { title: item.title }) : t("markDone", { title: item.title })
                  }
                  className="mt-1 size-4 shrink-0 accent-indigo-600"
                  onChange={(event) => {
                    const isDone = event.target.checked;
                    toggle.run(
                      { workspaceSlug, actionId: item.id, done: String(isDone) },
                      { optimistic: () => setDone({ id: item.id, isDone }) },
                    );
                  }}
                />
                <div className="min-w-0 flex-1">
                  <p className={cn("text-sm", item.isDone && "text-zinc-500 line-through")}>{item.title}</p>
                  <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-zinc-500">
                    <span>{item.owner?.name ?? t("noOwner")}</span>
                    {item.dueDate ? (
                      <span
                        className={cn(
                          "inline-flex items-center gap-1",
                          item.isOverdue && "font-medium text-red-700",
                        )}
                      >
                        <CalendarClock aria-hidden className="size-3.5" />
                        {item.isOverdue
                          ? t("overdue", { date: format.dateTime(new Date(item.dueDate), "day") })
                          : t("due", { date: format.dateTime(new Date(item.dueDate), "day") })}
                      </span>
                    ) : null}
                  </p>
                </div>
                {canEdit ? (
                  <div className="flex shrink-0 gap-0.5">
                    <button
                      type="button"
                      aria-label={t("editNamed", { title: item.title })}
                      onClick={() => setEditingId(item.id)}
                      className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
                    >
                      <Pencil aria-hidden className="size-3.5" />
                    </button>
                    <button
                      type="button"
                      aria-label={t("deleteNamed", { title: item.title })}
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(t("confirmDelete")))
                          remove.run({ workspaceSlug, actionId: item.id });
                      }}
                      className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-red-700"
                    >
                      <Trash2 aria-hidden className="size-3.5" />
                    </button>
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      {canEdit ? (
        <details className="mt-3 rounded-lg ring-1 ring-zinc-200 open:p-3 [&:not([open])]:px-3 [&:not([open])]:py-2">
          <summary className="cursor-pointer text-sm font-medium text-indigo-700">{t("addTitle")}</summary>
          <ActionForm
            action={createActionItemAction}
            schema={CreateActionItemSchema}
            submitLabel={t("add")}
            pendingLabel={tCommon("adding")}
            resetOnSuccess
            className="mt-3 space-y-3"
            aria-label={t("addTitle")}
          >
            <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
            <input type="hidden" name="recommendationId" value={recommendationId} />
            <ActionFields title="" ownerId="" dueDate="" memberOptions={memberOptions} />
          </ActionForm>
        </details>
      ) : null}
    </div>
  );
}

function ActionFields({
  title,
  ownerId,
  dueDate,
  memberOptions,
}: {
  title: string;
  ownerId: string;
  dueDate: string;
  memberOptions: { value: string; label: string }[];
}) {
  const t = useTranslations("actionsClient.fields");
  return (
    <>
      <Field
        name="title"
        label={t("title")}
        defaultValue={title}
        placeholder={t("titlePlaceholder")}
        required
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="ownerId" label={t("owner")} defaultValue={ownerId} options={memberOptions} />
        <Field name="dueDate" label={t("dueDate")} type="date" defaultValue={dueDate} />
      </div>
    </>
  );
}

"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Pencil, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionForm, useFormState } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { addCommentAction, deleteCommentAction, editCommentAction } from "@/lib/comments/actions";
import { cn } from "@/lib/cn";
import { mentionQueryAt } from "@/lib/comments/mentions";
import { CreateCommentSchema, EditCommentSchema } from "@/lib/comments/schemas";

type Member = { id: string; name: string };

/** A markdown textarea with @mention autocomplete over the workspace's members. */
function MentionTextarea({
  members,
  defaultValue = "",
  label,
}: {
  members: Member[];
  defaultValue?: string;
  label: string;
}) {
  const id = useId();
  const t = useTranslations("commentsClient");
  const ref = useRef<HTMLTextAreaElement>(null);
  const { errors } = useFormState();
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = query
    ? members.filter((member) => member.name.toLowerCase().includes(query.query.toLowerCase())).slice(0, 6)
    : [];
  const isOpen = matches.length > 0;

  const refresh = () => {
    const el = ref.current;
    if (!el) return;
    setQuery(mentionQueryAt(el.value, el.selectionStart ?? el.value.length));
    setActive(0);
  };
  const choose = (member: Member) => {
    const el = ref.current;
    if (!el || !query) return;
    const caret = el.selectionStart ?? el.value.length;
    const insert = `@${member.name} `;
    el.value = el.value.slice(0, query.start) + insert + el.value.slice(caret);
    const position = query.start + insert.length;
    el.setSelectionRange(position, position);
    el.focus();
    setQuery(null);
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        ref={ref}
        id={id}
        name="body"
        rows={3}
        defaultValue={defaultValue}
        placeholder={t("placeholder")}
        aria-invalid={errors.body ? true : undefined}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={isOpen ? `${id}-mentions` : undefined}
        aria-activedescendant={isOpen ? `${id}-mention-${active}` : undefined}
        className={cn(inputClass, "leading-6")}
        onInput={refresh}
        onClick={refresh}
        onKeyDown={(event) => {
          if (!isOpen) return;
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive((active + 1) % matches.length);
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((active - 1 + matches.length) % matches.length);
          } else if (event.key === "Enter" || event.key === "Tab") {
            event.preventDefault();
            const member = matches[active];
            if (member) choose(member);
          } else if (event.key === "Escape") {
            setQuery(null);
          }
        }}
      />
      {isOpen ? (
        <ul
          id={`${id}-mentions`}
          role="listbox"
          aria-label={t("mentionList")}
          className="absolute z-20 mt-1 w-64 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200"
        >
          {matches.map((member, index) => (
            <li
              key={member.id}
              id={`${id}-mention-${index}`}
              role="option"
              aria-selected={index === active}
              className={cn(
                "cursor-pointer rounded px-2 py-1 text-sm",
                index === active && "bg-indigo-50 text-indigo-900",
              )}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
            >
              {member.name}
            </li>
          ))}
        </ul>
      ) : null}
      {errors.body?.[0] ? <p className="mt-1 text-sm text-red-700">{errors.body[0]}</p> : null}
    </div>
  );
}

export function CommentComposer({
  workspaceSlug,
  recommendationId,
  members,
}: {
  workspaceSlug: string;
  recommendationId: string;
  members: Member[];
}) {
  const t = useTranslations("commentsClient");
  return (
    <ActionForm
      action={addCommentAction}
      schema={CreateCommentSchema}
      submitLabel={t("comment")}
      pendingLabel={t("posting")}
      resetOnSuccess
      className="space-y-2"
      aria-label={t("add")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <MentionTextarea members={members} label={t("commentLabel")} />
    </ActionForm>
  );
}

/** One comment: rendered markdown (from the server) and, for its author or an admin, edit and delete. */
export function CommentCard({
  workspaceSlug,
  comment,
  members,
  canEdit,
  canDelete,
  children,
  meta,
}: {
  workspaceSlug: string;
  comment: { id: string; body: string };
  members: Member[];
  canEdit: boolean;
  canDelete: boolean;
  children: ReactNode;
  meta: ReactNode;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const remove = useServerAction(deleteCommentAction);
  const t = useTranslations("commentsClient");
  const tCommon = useTranslations("common");
  return (
    <div className="rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200" data-testid="comment">
      <div className="flex items-start justify-between gap-2">
        <p className="text-xs text-zinc-500">{meta}</p>
        <div className="flex shrink-0 gap-0.5">
          {canEdit && !isEditing ? (
            <button
              type="button"
              aria-label={t("edit")}
              onClick={() => setIsEditing(true)}
              className="rounded p-1 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700"
            >
              <Pencil aria-hidden className="size-3.5" />
            </button>
          ) : null}
          {canDelete ? (
            <button
              type="button"
              aria-label={t("delete")}
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t("confirmDelete"))) remove.run({ workspaceSlug, commentId: comment.id });
              }}
              className="rounded p-1 text-zinc-400 hover:bg-zinc-200 hover:text-red-700"
            >
              <Trash2 aria-hidden className="size-3.5" />
            </button>
          ) : null}
        </div>
      </div>
      {isEditing ? (
        <div className="mt-2">
          <ActionForm
            action={editCommentAction}
            schema={EditCommentSchema}
            submitLabel={tCommon("save")}
            pendingLabel={tCommon("saving")}
            onSuccess={() => setIsEditing(false)}
            className="space-y-2"
            aria-label={t("edit")}
          >
            <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
            <input type="hidden" name="commentId" value={comment.id} />
            <MentionTextarea members={members} defaultValue={comment.body} label={t("edit")} />
          </ActionForm>
          <Button size="sm" variant="ghost" className="mt-1" onClick={() => setIsEditing(false)}>
            {tCommon("cancel")}
          </Button>
        </div>
      ) : (
        <div className="mt-1.5">{children}</div>
      )}
    </div>
  );
}

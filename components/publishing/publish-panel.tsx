"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { publishAction, unpublishAction } from "@/lib/publishing/actions";
import { PublishSchema, UnpublishSchema } from "@/lib/publishing/schemas";
import { cn } from "@/lib/cn";

type SnapshotOption = { id: string; label: string };

/** Choose what the public page shows (the live tracker or a snapshot) and publish it. */
export function PublishForm({
  workspaceSlug,
  trackerId,
  snapshots,
  current,
}: {
  workspaceSlug: string;
  trackerId: string;
  snapshots: SnapshotOption[];
  /** "live", a snapshot id, or null when unpublished. */
  current: string | null;
}) {
  const t = useTranslations("publishingClient");
  const [source, setSource] = useState<"live" | "snapshot">(
    current && current !== "live" ? "snapshot" : "live",
  );
  const [snapshotId, setSnapshotId] = useState(
    current && current !== "live" ? current : (snapshots[0]?.id ?? ""),
  );
  return (
    <ActionForm
      action={publishAction}
      schema={PublishSchema}
      submitLabel={current ? t("update") : t("publish")}
      pendingLabel={t("publishing")}
      aria-label={t("publish")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="trackerId" value={trackerId} />
      <input type="hidden" name="source" value={source === "live" ? "live" : snapshotId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("what")}</legend>
        <label className="flex items-start gap-2 rounded-md p-2 text-sm ring-1 ring-zinc-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300">
          <input
            type="radio"
            name="mode"
            value="live"
            checked={source === "live"}
            onChange={() => setSource("live")}
            className="mt-0.5"
          />
          <span>
            <span className="font-medium">{t("live")}</span>
            <span className="block text-xs text-zinc-600">{t("liveHint")}</span>
          </span>
        </label>
        <label
          className={cn(
            "flex items-start gap-2 rounded-md p-2 text-sm ring-1 ring-zinc-200 has-checked:bg-indigo-50 has-checked:ring-indigo-300",
            snapshots.length === 0 && "opacity-60",
          )}
        >
          <input
            type="radio"
            name="mode"
            value="snapshot"
            checked={source === "snapshot"}
            onChange={() => setSource("snapshot")}
            disabled={snapshots.length === 0}
            className="mt-0.5"
          />
          <span className="min-w-0 flex-1">
            <span className="font-medium">{t("snapshot")}</span>
            <span className="block text-xs text-zinc-600">
              {snapshots.length === 0 ? t("snapshotNone") : t("snapshotHint")}
            </span>
            {snapshots.length > 0 ? (
              <select
                aria-label={t("snapshotSelect")}
                value={snapshotId}
                onChange={(event) => {
                  setSnapshotId(event.target.value);
                  setSource("snapshot");
                }}
                className={cn(inputClass, "mt-1.5")}
              >
                {snapshots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            ) : null}
          </span>
        </label>
      </fieldset>
    </ActionForm>
  );
}

export function UnpublishForm({ workspaceSlug, trackerId }: { workspaceSlug: string; trackerId: string }) {
  const t = useTranslations("publishingClient");
  return (
    <ActionForm
      action={unpublishAction}
      schema={UnpublishSchema}
      submitLabel={t("unpublish")}
      submitVariant="danger"
      pendingLabel={t("unpublishing")}
      confirmText={t("unpublishConfirm")}
      aria-label={t("unpublish")}
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="trackerId" value={trackerId} />
    </ActionForm>
  );
}

/** A read-only snippet with a copy button. `id` names its field (the label is translated). */
export function Snippet({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useTranslations("publishingClient");
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => {
              setIsCopied(true);
              setTimeout(() => setIsCopied(false), 1500);
            });
          }}
        >
          {isCopied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
          {isCopied ? t("copied") : t("copy")}
        </Button>
      </div>
      <textarea
        id={id}
        readOnly
        rows={value.length > 90 ? 3 : 1}
        value={value}
        onFocus={(event) => event.currentTarget.select()}
        className={cn(inputClass, "mt-1 resize-none font-mono text-xs")}
      />
    </div>
  );
}

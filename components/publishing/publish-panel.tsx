"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
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
      submitLabel={current ? "Update what is published" : "Publish"}
      pendingLabel="Publishing…"
      aria-label="Publish"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="trackerId" value={trackerId} />
      <input type="hidden" name="source" value={source === "live" ? "live" : snapshotId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">What to publish</legend>
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
            <span className="font-medium">The live tracker</span>
            <span className="block text-xs text-zinc-600">
              Follows every status change and public evidence.
            </span>
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
            <span className="font-medium">A snapshot</span>
            <span className="block text-xs text-zinc-600">
              {snapshots.length === 0
                ? "Take a snapshot first to publish a dated report card."
                : "A dated report card that never changes."}
            </span>
            {snapshots.length > 0 ? (
              <select
                aria-label="Snapshot to publish"
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
  return (
    <ActionForm
      action={unpublishAction}
      schema={UnpublishSchema}
      submitLabel="Unpublish"
      submitVariant="danger"
      pendingLabel="Unpublishing…"
      confirmText="Unpublish? Every public link, the badge and the embed will answer “not found” at once."
      aria-label="Unpublish"
    >
      <input type="hidden" name="workspaceSlug" value={workspaceSlug} />
      <input type="hidden" name="trackerId" value={trackerId} />
    </ActionForm>
  );
}

/** A read-only snippet with a copy button. */
export function Snippet({ label, value }: { label: string; value: string }) {
  const [isCopied, setIsCopied] = useState(false);
  const id = `snippet-${label.toLowerCase().replace(/\W+/g, "-")}`;
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
          {isCopied ? "Copied" : "Copy"}
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

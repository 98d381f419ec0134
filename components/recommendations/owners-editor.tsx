"use client";

import { useOptimistic } from "react";
import { UserPlus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { Avatars } from "@/components/recommendations/status-badge";
import { addOwnerAction, removeOwnerAction } from "@/lib/recommendations/actions";
import { cn } from "@/lib/cn";

type Person = { id: string; name: string };

/** Owners of a recommendation: assign any member, unassign with one click (optimistic). */
export function OwnersEditor({
  workspaceSlug,
  recommendationId,
  owners,
  members,
  canEdit,
}: {
  workspaceSlug: string;
  recommendationId: string;
  owners: Person[];
  members: Person[];
  canEdit: boolean;
}) {
  const [optimisticOwners, update] = useOptimistic(
    owners,
    (current: Person[], change: { add?: Person; remove?: string }) =>
      change.add ? [...current, change.add] : current.filter((owner) => owner.id !== change.remove),
  );
  const t = useTranslations("recommendationClient.owners");
  const tCommon = useTranslations("common");
  const add = useServerAction(addOwnerAction);
  const remove = useServerAction(removeOwnerAction);
  const candidates = members.filter((member) => !optimisticOwners.some((owner) => owner.id === member.id));
  return (
    <div>
      <p className="text-xs font-medium text-zinc-500">{t("label")}</p>
      {optimisticOwners.length === 0 ? (
        <p className="mt-0.5 text-sm text-zinc-500">{tCommon("unassigned")}</p>
      ) : null}
      <ul className="mt-1 space-y-1" aria-label={t("label")}>
        {optimisticOwners.map((owner) => (
          <li key={owner.id} className="flex items-center gap-2 text-sm">
            <Avatars people={[owner]} />
            <span className="min-w-0 flex-1 truncate">{owner.name}</span>
            {canEdit ? (
              <button
                type="button"
                aria-label={t("unassign", { name: owner.name })}
                className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
                onClick={() =>
                  remove.run(
                    { workspaceSlug, recommendationId, userId: owner.id },
                    { optimistic: () => update({ remove: owner.id }) },
                  )
                }
              >
                <X aria-hidden className="size-3.5" />
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit && candidates.length > 0 ? (
        <div className="mt-2 flex items-center gap-1.5">
          <UserPlus aria-hidden className="size-4 shrink-0 text-zinc-400" />
          <label htmlFor={`assign-${recommendationId}`} className="sr-only">
            {t("assignLabel")}
          </label>
          <select
            id={`assign-${recommendationId}`}
            value=""
            disabled={add.isPending}
            className={cn(inputClass, "h-8 py-0 text-sm")}
            onChange={(event) => {
              const person = candidates.find((member) => member.id === event.target.value);
              if (!person) return;
              add.run(
                { workspaceSlug, recommendationId, userId: person.id },
                { optimistic: () => update({ add: person }) },
              );
            }}
          >
            <option value="">{t("assign")}</option>
            {candidates.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}

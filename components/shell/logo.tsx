import { ListChecks } from "lucide-react";

export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-zinc-900">
      <span className="grid size-7 place-items-center rounded-md bg-indigo-600 text-white">
        <ListChecks aria-hidden className="size-4" />
      </span>
      {compact ? null : <span>Advocacy Tracker</span>}
    </span>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { Download, GitCompare } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/trackers/print-button";
import { SnapshotDocument } from "@/components/snapshots/snapshot-document";
import { buttonClass } from "@/components/ui/button";
import { requirePageMembership } from "@/lib/server/authz";
import { getSnapshot, listSnapshots } from "@/lib/snapshots/queries";
import { routes } from "@/lib/routes";

/** One snapshot as a printable report card, with its exports and a compare picker. */
export default async function SnapshotPage({
  params,
}: PageProps<"/w/[slug]/t/[trackerId]/snapshots/[snapshotId]">) {
  const { slug, trackerId, snapshotId } = await params;
  const { workspace } = await requirePageMembership(slug);
  const snapshot = await getSnapshot(workspace.id, trackerId, snapshotId);
  if (!snapshot) notFound();
  const others = (await listSnapshots(workspace.id, trackerId)).filter((s) => s.id !== snapshot.id);
  const t = await getTranslations("snapshots");
  const tCommon = await getTranslations("common");
  const format = await getFormatter();
  const language = snapshot.language ?? undefined;
  return (
    <main className="mx-auto max-w-4xl px-4 py-6 sm:px-6 print:max-w-none print:p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <nav aria-label={tCommon("breadcrumb")} className="text-sm text-zinc-500">
          <Link href={routes.tracker(slug, trackerId)} className="hover:text-zinc-900" lang={language}>
            {snapshot.trackerName}
          </Link>
          {" / "}
          <Link href={routes.trackerPage(slug, trackerId, "snapshots")} className="hover:text-zinc-900">
            {t("title")}
          </Link>
        </nav>
        <div className="flex flex-wrap gap-2">
          <a
            href={routes.snapshotExport(slug, trackerId, snapshot.id, "csv")}
            download
            className={buttonClass("secondary", "sm")}
          >
            <Download aria-hidden className="size-4" /> CSV
          </a>
          <a
            href={routes.snapshotExport(slug, trackerId, snapshot.id, "json")}
            download
            className={buttonClass("secondary", "sm")}
          >
            <Download aria-hidden className="size-4" /> JSON
          </a>
          <PrintButton />
        </div>
      </div>
      <form
        method="get"
        action={routes.snapshotCompare(slug, trackerId, snapshot.id, "now").split("?")[0]}
        className="mt-4 flex flex-wrap items-end gap-2 print:hidden"
        aria-label={t("compareForm.label")}
      >
        <input type="hidden" name="from" value={snapshot.id} />
        <label className="text-sm">
          <span className="block text-xs font-medium text-zinc-600">{t("compareForm.with")}</span>
          <select
            name="to"
            defaultValue="now"
            className="mt-1 rounded-md bg-white px-2 py-1.5 text-sm ring-1 ring-zinc-300"
          >
            <option value="now">{t("compareForm.now")}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {t("compareForm.option", { name: other.name, date: format.dateTime(other.asOf, "day") })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          <GitCompare aria-hidden className="size-4" /> {t("compareForm.submit")}
        </button>
      </form>
      <SnapshotDocument
        kicker={t("document.kicker", { workspace: workspace.name })}
        name={snapshot.name}
        asOf={snapshot.asOf}
        citation={snapshot.citation}
        items={snapshot.items}
        language={language}
      />
    </main>
  );
}

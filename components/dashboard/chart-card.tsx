"use client";

import { useId, useState, type ReactNode } from "react";
import { BarChart3, Table2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";

/**
 * A titled chart with its data table behind a "Show as table" toggle. The table is rendered on the server and
 * always in the page (hidden while the chart shows), so switching never loads anything or moves the layout.
 */
export function ChartCard({
  title,
  description,
  chart,
  table,
  minHeight = 18,
  actions,
}: {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** In rem: both views keep at least this height, so toggling does not make the page jump. */
  minHeight?: number;
  actions?: ReactNode;
}) {
  const t = useTranslations("dashboardClient");
  const [isTable, setIsTable] = useState(false);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className={cardClass("p-5")}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={`${id}-title`} className="font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-zinc-600">{description}</p> : null}
        </div>
        <div className="flex items-center gap-2">
          {actions}
          <button
            type="button"
            aria-pressed={isTable}
            aria-controls={`${id}-body`}
            onClick={() => setIsTable((value) => !value)}
            className={buttonClass("secondary", "sm")}
          >
            {isTable ? (
              <BarChart3 aria-hidden className="size-4" />
            ) : (
              <Table2 aria-hidden className="size-4" />
            )}
            {isTable ? t("showChart") : t("showTable")}
          </button>
        </div>
      </div>
      <div id={`${id}-body`} className="mt-4" style={{ minHeight: `${minHeight}rem` }}>
        <div hidden={isTable}>{chart}</div>
        <div hidden={!isTable} className="max-h-[28rem] overflow-auto">
          {table}
        </div>
      </div>
    </section>
  );
}

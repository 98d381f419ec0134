import { useTranslations } from "next-intl";
import { ActionItems, type ActionItemView } from "@/components/action-items/action-items";
import type { RecommendationSectionProps } from "@/components/recommendations/section-props";
import { Card } from "@/components/ui/card";
import { isOverdue } from "@/lib/action-items/rules";
import { todayUtc, toIsoDay } from "@/lib/dates";
import { can } from "@/lib/permissions";

/** The recommendation's checklist of advocacy actions, overdue ones flagged by the one overdue rule. */
export function ActionItemsSection({ workspaceSlug, rec, role }: RecommendationSectionProps) {
  const t = useTranslations("actions");
  const today = todayUtc();
  const items: ActionItemView[] = rec.actionItems.map((item) => ({
    id: item.id,
    title: item.title,
    dueDate: item.dueDate ? toIsoDay(item.dueDate) : null,
    isDone: Boolean(item.doneAt),
    isOverdue: isOverdue(item.dueDate, item.doneAt, today),
    version: item.version,
    owner: item.owner,
  }));
  return (
    <Card title={t("heading")} titleId="actions-heading" titleVariant="label" titleClassName="mb-2">
      <ActionItems
        workspaceSlug={workspaceSlug}
        recommendationId={rec.id}
        members={rec.members}
        canEdit={can(role, "action.manage")}
        items={items}
      />
    </Card>
  );
}

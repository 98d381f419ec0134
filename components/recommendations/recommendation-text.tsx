import Link from "next/link";
import { ArrowRight, Quote } from "lucide-react";
import { useTranslations } from "next-intl";
import { EditableField } from "@/components/recommendations/editable-field";
import { fieldPropsFor, type RecommendationSectionProps } from "@/components/recommendations/section-props";
import { Card } from "@/components/ui/card";
import { routes } from "@/lib/routes";

/** The recommendation's text (editable in place) and the passage of the source document it came from. */
export function RecommendationText(props: RecommendationSectionProps) {
  const { workspaceSlug: slug, rec } = props;
  const t = useTranslations("recommendation");
  const lang = rec.tracker.language ?? undefined;
  return (
    <Card title={t("text.heading")} titleId="text-heading" titleVariant="label">
      <EditableField
        {...fieldPropsFor(props)}
        field="text"
        label={t("fields.text")}
        isLabelVisible={false}
        value={rec.text}
        control={{ kind: "textarea", rows: 6 }}
        display={
          <p className="mt-2 text-sm leading-6 whitespace-pre-line" lang={lang}>
            {rec.text}
          </p>
        }
      />
      {rec.sourcePassage ? (
        <figure className="mt-4 rounded-lg border-s-4 border-indigo-200 bg-indigo-50/50 p-3">
          <figcaption className="flex flex-wrap items-center gap-1.5 text-xs font-medium text-indigo-900">
            <Quote aria-hidden className="size-3.5" /> {t("text.sourcePassage")}
            {rec.tracker.document ? (
              <span className="font-normal text-zinc-500">
                · <span lang={lang}>{rec.tracker.document.title}</span>
              </span>
            ) : null}
            {rec.tracker.documentId && rec.sourceStart !== null ? (
              <Link
                href={routes.passage(slug, rec.tracker.id, rec.id)}
                className="ms-auto inline-flex items-center gap-1 font-medium text-indigo-700 hover:underline"
              >
                {t("text.showInDocument")} <ArrowRight aria-hidden className="size-3 rtl:-scale-x-100" />
              </Link>
            ) : null}
          </figcaption>
          <blockquote className="mt-1.5 text-sm leading-6 text-zinc-700 italic" lang={lang}>
            {rec.sourcePassage}
          </blockquote>
        </figure>
      ) : null}
    </Card>
  );
}

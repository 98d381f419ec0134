import type { Root } from "mdast";
import { findAndReplace } from "mdast-util-find-and-replace";
import { useTranslations } from "next-intl";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { ExternalLink } from "@/components/ui/external-link";

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A remark plugin that marks "@Full Name" of the given members (longest name first) as a mention. */
function remarkMentions(names: string[]) {
  return () => (tree: Root) => {
    if (names.length === 0) return;
    const alternatives = [...new Set(names)].sort((a, b) => b.length - a.length).map(escape);
    const pattern = new RegExp(`(?<![\\w@])@(?:${alternatives.join("|")})(?![\\w])`, "gu");
    findAndReplace(tree, [
      [
        pattern,
        (match: string) => ({
          type: "strong",
          data: { hProperties: { className: ["mention"] } },
          children: [{ type: "text", value: match }],
        }),
      ],
    ]);
  };
}

/** User markdown, rendered without raw HTML (no rehype-raw); links go through ExternalLink; @mentions stand out. */
export function Markdown({ children, mentions = [] }: { children: string; mentions?: string[] }) {
  const t = useTranslations("comments");
  return (
    <div className="prose-sm space-y-2 text-sm leading-6 text-zinc-800 [&_.mention]:rounded [&_.mention]:bg-indigo-50 [&_.mention]:px-0.5 [&_.mention]:font-medium [&_.mention]:text-indigo-800 [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:ps-5 [&_ul]:list-disc [&_ul]:ps-5">
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkMentions(mentions)]}
        skipHtml
        components={{
          a: ({ href, children }) => (
            <ExternalLink href={href} className="text-indigo-700 underline">
              {children}
            </ExternalLink>
          ),
          img: ({ alt }) => <span>{alt ? t("image", { alt }) : t("imageNoAlt")}</span>,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}

import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { ExternalLink } from "@/components/ui/external-link";

/** User markdown, rendered without raw HTML (no rehype-raw); links go through ExternalLink. */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose-sm space-y-2 text-sm leading-6 text-zinc-800 [&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        skipHtml
        components={{
          a: ({ href, children }) => (
            <ExternalLink href={href} className="text-indigo-700 underline">
              {children}
            </ExternalLink>
          ),
          img: ({ alt }) => <span>{alt ? `[image: ${alt}]` : "[image]"}</span>,
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}

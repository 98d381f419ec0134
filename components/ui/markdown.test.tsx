import type { ReactElement } from "react";
import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup as render } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";
import messages from "@/messages/en.json";

const renderToStaticMarkup = (element: ReactElement) =>
  render(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      {element}
    </NextIntlClientProvider>,
  );

describe("Markdown", () => {
  it("marks mentions of members, and only of members", () => {
    const html = renderToStaticMarkup(
      <Markdown mentions={["Daniel Reyes", "Dan"]}>
        {"Thanks @Daniel Reyes and @Dan, not @Danny or mail@Dan"}
      </Markdown>,
    );
    expect(html).toContain('<strong class="mention">@Daniel Reyes</strong>');
    expect(html).toContain('<strong class="mention">@Dan</strong>');
    expect(html.match(/class="mention"/g)).toHaveLength(2);
  });

  it("renders no raw HTML and no script links", () => {
    const html = renderToStaticMarkup(
      <Markdown>
        {'<img src=x onerror="alert(1)"> [x](javascript:alert(1)) <script>alert(1)</script>'}
      </Markdown>,
    );
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
  });
});

"use client";

import { useEffect, useState } from "react";

type Text = { title: string; body: string; retry: string };

/**
 * The last-resort error page: it replaces the root layout, so there is no translation provider here.
 * Its three sentences come from the catalogue of the page's language, loaded only when this page shows
 * (one small chunk per language, never part of a normal page's scripts); English if that fails.
 */
type Lang = "en" | "fr" | "es";

const pick = (lang: string): Lang => (lang.startsWith("fr") ? "fr" : lang.startsWith("es") ? "es" : "en");

async function loadText(lang: Lang): Promise<Text> {
  const messages = await (lang === "fr"
    ? import("@/messages/fr.json")
    : lang === "es"
      ? import("@/messages/es.json")
      : import("@/messages/en.json"));
  const { errors, common } = messages.default;
  return { title: errors.pageTitle, body: errors.pageBody, retry: common.tryAgain };
}

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  // Read before this page replaces <html>: the language the broken page was in.
  const [lang] = useState(() =>
    pick(typeof document === "undefined" ? "" : document.documentElement.lang || navigator.language),
  );
  const [text, setText] = useState<Text | null>(null);
  useEffect(() => {
    loadText(lang)
      .catch(() => loadText("en"))
      .then(setText, () => undefined);
  }, [lang]);
  return (
    <html lang={lang}>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>{text?.title}</h1>
        <p>{text?.body}</p>
        <button type="button" onClick={() => reset()} aria-label={text?.retry ?? "↻"}>
          {text?.retry ?? "↻"}
        </button>
      </body>
    </html>
  );
}

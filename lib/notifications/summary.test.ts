import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formats } from "@/i18n/formats";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import {
  headlineText,
  readSummaryData,
  summaries,
  summaryText,
  type LooseTranslator,
  type NotificationTranslators,
} from "@/lib/notifications/summary";

function translators(messages: typeof en, locale: "en" | "fr" | "es"): NotificationTranslators {
  const make = (namespace: "notifications" | "status") =>
    createTranslator({ locale, messages, namespace, formats, timeZone: "UTC" }) as unknown as LooseTranslator;
  return { t: make("notifications"), status: make("status") };
}

const english = translators(en, "en");
const french = translators(fr as typeof en, "fr");
const spanish = translators(es as typeof en, "es");

describe("notification summaries", () => {
  it("build the sentence in the reader's language from the stored key and values", () => {
    const status = summaries.statusChanged("NOT_STARTED", "STALLED", "Blocked in committee");
    expect(summaryText(english, status, "")).toBe("Not started → Stalled: “Blocked in committee”");
    expect(summaryText(french, status, "")).toBe("Non commencée → Au point mort : « Blocked in committee »");
    expect(summaryText(spanish, status, "")).toBe("Sin iniciar → Estancada: “Blocked in committee”");
    const due = summaries.actionDue("Brief the delegation", new Date("2026-12-03T00:00:00Z"), false);
    expect(summaryText(english, due, "")).toBe("Action “Brief the delegation” is due on Dec 3, 2026");
    expect(summaryText(spanish, due, "")).toBe("La acción “Brief the delegation” vence el 3 dic 2026");
  });

  it("show user text as it is, and fall back to the stored English line", () => {
    expect(summaryText(french, summaries.text("  a   comment  "), "")).toBe("a comment");
    expect(summaryText(french, readSummaryData(null), "Due on 2026-12-03")).toBe("Due on 2026-12-03");
    expect(readSummaryData({ key: "unknown" })).toBeNull();
    expect(readSummaryData({ key: "archived" })).toEqual({ key: "archived" });
  });

  it("name the actor, or someone", () => {
    expect(headlineText(spanish, "MENTION", "Ana")).toBe("Ana le mencionó");
    expect(headlineText(french, "COMMENT", null)).toBe("Quelqu’un a commenté");
    expect(headlineText(english, "OVERDUE", "Ana")).toBe("Overdue");
  });
});

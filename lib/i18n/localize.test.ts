import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { z } from "zod";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { localizeIssue, type RootTranslator } from "@/lib/i18n/localize";

const translator = (locale: "en" | "fr"): RootTranslator =>
  createTranslator({ locale, messages: locale === "en" ? en : fr }) as unknown as RootTranslator;

const issueOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected an issue");
  return result.error.issues[0]!;
};

describe("zod issues in the reader's language", () => {
  it("translates shared validation keys and a route namespace's validation keys", () => {
    const shared = issueOf(z.string().min(1, "validation.required"), "");
    const routed = issueOf(z.string().min(1, "evidenceClient.validation.evidenceUrlInvalid"), "");
    expect(localizeIssue(translator("en"), shared)).toBe("This field is required.");
    expect(localizeIssue(translator("en"), routed)).toBe(en.evidenceClient.validation.evidenceUrlInvalid);
    expect(localizeIssue(translator("fr"), routed)).toBe(fr.evidenceClient.validation.evidenceUrlInvalid);
    expect(localizeIssue(translator("fr"), routed)).not.toBe(en.evidenceClient.validation.evidenceUrlInvalid);
  });

  it("gives zod's own English and keys that are not validation keys the generic message", () => {
    const builtIn = issueOf(z.string().min(3), "a");
    const notValidation = issueOf(z.string().min(1, "common.save"), "");
    expect(localizeIssue(translator("en"), builtIn)).toBe("Use at least 3 characters.");
    expect(localizeIssue(translator("en"), notValidation)).toBe("This field is required.");
  });
});

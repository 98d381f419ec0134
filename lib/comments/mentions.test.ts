import { describe, expect, it } from "vitest";
import { findMentionedNames, mentionQueryAt } from "@/lib/comments/mentions";

describe("mentions", () => {
  const names = ["Daniel Reyes", "Dan", "Grace Liu"];

  it("finds whole-name mentions, preferring the longest name", () => {
    expect(findMentionedNames("Thanks @Daniel Reyes, and @Grace Liu!", names).sort()).toEqual([
      "Daniel Reyes",
      "Grace Liu",
    ]);
    expect(findMentionedNames("ping @Dan please", names)).toEqual(["Dan"]);
    expect(findMentionedNames("email dan@example.org", names)).toEqual([]);
    expect(findMentionedNames("@Danielle is not Daniel", names)).toEqual([]);
  });

  it("reads the query being typed at the caret", () => {
    expect(mentionQueryAt("Hello @Gra", 10)).toEqual({ start: 6, query: "Gra" });
    expect(mentionQueryAt("Hello @", 7)).toEqual({ start: 6, query: "" });
    expect(mentionQueryAt("mail@x", 6)).toBeNull();
  });
});

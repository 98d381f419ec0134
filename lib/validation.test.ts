import { describe, expect, it } from "vitest";
import { ResetPasswordSchema, SignUpSchema, safeCallbackUrl } from "@/lib/accounts/schemas";
import { CreateWorkspaceSchema, SlugSchema, suggestSlug } from "@/lib/workspaces/schemas";
import { RESERVED_SLUGS, slugCandidates } from "@/lib/workspaces/rules";
import { InviteMemberSchema } from "@/lib/invitations/schemas";

const signUp = (over: Partial<Record<string, string>>) =>
  SignUpSchema.safeParse({ name: "Ada", email: "ada@example.org", password: "a sturdy passphrase", ...over });

describe("sign-up schema", () => {
  it("accepts a valid sign-up and normalizes the email", () => {
    const result = signUp({ email: "  Ada@Example.ORG " });
    expect(result.success && result.data.email).toBe("ada@example.org");
  });

  it("enforces password length from 8 to 200", () => {
    expect(signUp({ password: "short7!" }).success).toBe(false);
    expect(signUp({ password: "12345678a" }).success).toBe(true);
    expect(signUp({ password: "x".repeat(128) }).success).toBe(true);
    expect(signUp({ password: "x".repeat(201) }).success).toBe(false);
  });

  it("leaves strength to the server (lib/accounts/password-strength.ts): the shared schema checks length", () => {
    expect(signUp({ password: "password" }).success).toBe(true);
  });

  it("rejects a bad email and an empty name with field errors", () => {
    const result = signUp({ email: "not-an-email", name: " " });
    expect(result.success).toBe(false);
    if (!result.success) {
      const paths = result.error.issues.map((issue) => issue.path[0]);
      expect(paths).toContain("email");
      expect(paths).toContain("name");
    }
  });
});

describe("reset password schema", () => {
  it("requires matching passwords", () => {
    const result = ResetPasswordSchema.safeParse({
      token: "t".repeat(43),
      password: "a sturdy passphrase",
      confirmPassword: "other",
    });
    expect(result.success).toBe(false);
  });
});

describe("workspace schemas", () => {
  it("accepts lowercase slugs with single hyphens only", () => {
    expect(CreateWorkspaceSchema.safeParse({ name: "Coalition", slug: "my-coalition" }).success).toBe(true);
    for (const slug of ["-a", "a--b", "a_b", "a", "x".repeat(41), "a b"]) {
      expect(CreateWorkspaceSchema.safeParse({ name: "Coalition", slug }).success, slug).toBe(false);
    }
    // Reserved words pass the form's shape check: the server refuses them like a taken address.
    expect(CreateWorkspaceSchema.safeParse({ name: "Coalition", slug: "new" }).success).toBe(true);
  });

  it("offers free-looking alternatives for an unavailable address, never a reserved word", () => {
    const candidates = slugCandidates("coalition", 2026);
    expect(candidates.slice(0, 2)).toEqual(["coalition-org", "coalition-2026"]);
    expect(candidates.every((c) => SlugSchema.safeParse(c).success && !RESERVED_SLUGS.has(c))).toBe(true);
  });

  it("suggests a slug from a name", () => {
    expect(suggestSlug("Coalition for Human Rights!")).toBe("coalition-for-human-rights");
    expect(suggestSlug("Ação Direitos")).toBe("acao-direitos");
  });

  it("ignores fields that are not in the schema (mass assignment)", () => {
    const result = InviteMemberSchema.safeParse({
      workspaceSlug: "w",
      email: "a@b.org",
      role: "VIEWER",
      workspaceId: "x",
      invitedById: "y",
    });
    expect(result.success && Object.keys(result.data).sort()).toEqual(["email", "role", "workspaceSlug"]);
  });

  it("rejects an unknown role", () => {
    expect(
      InviteMemberSchema.safeParse({ workspaceSlug: "w", email: "a@b.org", role: "SUPERUSER" }).success,
    ).toBe(false);
  });
});

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths and refuses everything else", () => {
    expect(safeCallbackUrl("/w/demo")).toBe("/w/demo");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
      "/\tx",
    ]) {
      expect(safeCallbackUrl(bad, "/"), bad).toBe("/");
    }
  });
});

describe("new tracker schema", () => {
  it("refuses two sections with the same name", async () => {
    const { CreateTrackerSchema } = await import("@/lib/trackers/schemas");
    const result = CreateTrackerSchema.safeParse({
      workspaceSlug: "w",
      name: "Tracker",
      sections: "Civil rights\ncivil rights",
    });
    expect(result.success).toBe(false);
    expect(
      CreateTrackerSchema.safeParse({
        workspaceSlug: "w",
        name: "Tracker",
        sections: "Civil rights\nMigration",
      }).success,
    ).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { passwordWeakness } from "@/lib/accounts/password-strength";

describe("password strength (server)", () => {
  it("refuses common passwords, whatever their case, and keyboard or date patterns", () => {
    for (const password of ["password", "Password1", "12345678", "qwertyuiop", "iloveyou", "Summer2024!"]) {
      expect(passwordWeakness(password), password).not.toBeNull();
    }
  });

  it("refuses a password built from the user's own email or name", () => {
    expect(passwordWeakness("ada.lovelace1815", ["ada.lovelace@example.org", "Ada Lovelace"])).not.toBeNull();
  });

  it("answers with a catalogue key that says why, when zxcvbn knows", () => {
    expect(passwordWeakness("zxcvbnm,./")).toBe("accounts.weakPassword.straightRow");
    expect(passwordWeakness("password")).toMatch(/^accounts\.weakPassword\.(topTen|topHundred|common)$/);
    expect(passwordWeakness("ada.lovelace1815", ["ada.lovelace@example.org"])).toMatch(
      /^accounts\.weakPassword\.\w+$/,
    );
  });

  it("accepts a passphrase of unrelated words", () => {
    expect(passwordWeakness("correct horse battery staple")).toBeNull();
    expect(passwordWeakness("a sturdy passphrase")).toBeNull();
  });
});

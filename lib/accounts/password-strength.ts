import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

/**
 * Server-side password strength (zxcvbn-ts with its breached-password, common-word and name
 * dictionaries, ~9 MB): kept out of the browser bundle, so the shared form schema checks only length.
 * Score 3 means roughly 10^8–10^10 guesses: "safely unguessable" for an online attacker and a
 * slow hash such as our argon2id.
 */
export const MIN_PASSWORD_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/** zxcvbn's warnings come back as their own names ("straightRow"), which pick our translated message. */
const warningNames = Object.fromEntries(
  Object.keys(english.translations.warnings).map((name) => [name, name]),
) as typeof english.translations.warnings;

function zxcvbn() {
  factory ??= new ZxcvbnFactory({
    translations: { ...english.translations, warnings: warningNames },
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return factory;
}

export const WEAK_PASSWORD_MESSAGE = "accounts.weakPassword.generic";

/**
 * Null when the password is strong enough, else the message (a catalogue key) to show under the password
 * field: the generic one, or one that also says why (zxcvbn's warning).
 */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  // The email, its local part and every word of it and of the name: "ada.lovelace1815" is weak for Ada.
  const inputs = userInputs
    .flatMap((value) => [value, value.split("@")[0] ?? "", ...value.split(/[@\s.+_-]+/)])
    .filter((value) => value.length > 2);
  const result = zxcvbn().check(password.slice(0, 100), inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning;
  // i18n-keys: accounts.weakPassword.*
  return warning && warning in warningNames ? `accounts.weakPassword.${warning}` : WEAK_PASSWORD_MESSAGE;
}

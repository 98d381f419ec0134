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

function zxcvbn() {
  factory ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return factory;
}

export const WEAK_PASSWORD_MESSAGE =
  "This password is too easy to guess (it is common, or close to a common word or pattern). Use a longer passphrase of several unrelated words.";

/** Null when the password is strong enough, else the message to show under the password field. */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  // The email, its local part and every word of it and of the name: "ada.lovelace1815" is weak for Ada.
  const inputs = userInputs
    .flatMap((value) => [value, value.split("@")[0] ?? "", ...value.split(/[@\s.+_-]+/)])
    .filter((value) => value.length > 2);
  const result = zxcvbn().check(password.slice(0, 100), inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning;
  return hint ? `${WEAK_PASSWORD_MESSAGE} ${hint}` : WEAK_PASSWORD_MESSAGE;
}

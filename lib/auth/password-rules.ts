import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// zxcvbn knows tens of thousands of common passwords, names and words, keyboard walks,
// repeats, sequences and dates; score 3 ("safely unguessable") or more is required.
let checker: ZxcvbnFactory | undefined;
const strength = () =>
  (checker ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

export const PASSWORD_TOO_COMMON =
  "This password is too easy to guess (a common password, word or pattern); add unrelated words or characters.";

/** Whether a password of the right length is still too easy to guess. */
export function isCommonPassword(password: string, userInputs: string[] = []): boolean {
  // The estimate grows costly with length (about a second at 128 characters); the first 64 tell.
  return strength().check(password.slice(0, 64), userInputs).score < 3;
}

/** The one rule for a new password, shared by every door that sets one (setup, invitation, reset, account, CLI). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`)
  .refine((password) => !isCommonPassword(password), PASSWORD_TOO_COMMON);

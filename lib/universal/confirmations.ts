// What a person types to confirm an irreversible step: the dialog shows it and the server checks it,
// so both read it from here.

/** Emptying the trash: an admin types these words. */
export const EMPTY_TRASH_CONFIRMATION = "empty trash";

/**
 * The friction ladder: a permanent delete of this many records or more asks for the count to be
 * typed (so does any move of a whole filter to the trash); one record is one click in its dialog.
 */
export const TYPE_THE_COUNT_FROM = 2;

/** The text to type for a permanent delete of `count` records, or undefined when none is asked. */
export function countToType(count: number): string | undefined {
  return count >= TYPE_THE_COUNT_FROM ? String(count) : undefined;
}

/** Whether what was typed is the count ("1,000", "1000" and " 1 000 " all count). */
export function typedCountMatches(typed: string | number | undefined, count: number): boolean {
  if (typed === undefined) return false;
  const digits = String(typed).replace(/[,.\s]/g, "");
  return digits !== "" && Number(digits) === count;
}

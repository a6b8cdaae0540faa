// What a person types to confirm an irreversible step: the dialog shows it and the server checks it,
// so both read it from here.

/** Emptying the trash: an admin types these words. */
export const EMPTY_TRASH_CONFIRMATION = "empty trash";

/** What an admin types to empty the trash; the dialog shows it and the server checks it. */
export const EMPTY_TRASH_CONFIRMATION = "empty trash";

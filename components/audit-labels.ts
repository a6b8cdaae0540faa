/** People's words for audit actions; unknown actions show as recorded. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "records.delete": "Moved to trash",
  "records.restore": "Restored",
  "records.destroy": "Deleted permanently",
  "records.purge": "Purged (retention)",
  "trash.empty": "Emptied the trash",
  "trash.hold": "Put on hold",
  "trash.release": "Released hold",
  "segments.delete": "Deleted segment",
  "segments.create": "Created segment",
  "workspace.retention": "Changed retention",
  "apiKeys.create": "Created API key",
  "apiKeys.revoke": "Revoked API key",
};

/** Why records were deleted permanently, in people's words (the entry keeps the code). */
export const AUDIT_REASON_LABELS: Record<string, string> = {
  hard_delete: "deleted permanently by hand",
  empty_trash: "the trash was emptied",
  retention: "retention ran out",
};

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
  // People (a prefix filters every change of its kind).
  "members.": "Members: any change",
  "members.setup": "Set up the installation",
  "members.add": "Added a member (CLI)",
  "members.invite": "Invited someone",
  "members.uninvite": "Revoked an invitation",
  "members.join": "Joined by invitation",
  "members.role": "Changed a role",
  "members.transfer": "Transferred ownership",
  "members.remove": "Removed a member",
  "account.": "Accounts: any change",
  "account.name": "Changed their name",
  "account.password": "Changed their password",
  "account.resetLink": "Issued a password-reset link",
  "account.passwordReset": "Reset a password",
  "account.signOutEverywhere": "Signed out everywhere",
  "fields.add": "Added field",
  "fields.update": "Changed field",
  "fields.retire": "Retired field",
  "records.create": "Created",
  "records.update": "Edited",
  "records.note": "Added note",
};

/** Why records were deleted permanently, in people's words (the entry keeps the code). */
export const AUDIT_REASON_LABELS: Record<string, string> = {
  hard_delete: "deleted permanently by hand",
  empty_trash: "the trash was emptied",
  retention: "retention ran out",
};

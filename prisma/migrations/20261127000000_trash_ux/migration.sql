-- A record's own history (lib/audit/history.ts): entries whose targetIds contain its id.
CREATE INDEX "AuditLog_targetIds_idx" ON "AuditLog" USING GIN ("targetIds");

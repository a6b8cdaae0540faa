-- Numeric record ids for API dialects that speak only numbers; existing rows are numbered now.
ALTER TABLE "Record" ADD COLUMN "recordNumber" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Record_recordNumber_key" ON "Record"("recordNumber");

-- The API key an API call used, in its audit entry.
ALTER TABLE "AuditLog" ADD COLUMN "apiKeyId" TEXT;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Dashboard CSV imports (lib/imports/jobs.ts): the job with its checkpoint, the uploaded file (UTF-8,
-- checked as it arrives) in parts of about 1 MB, and every refused row with its line.
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "rows" INTEGER NOT NULL,
    "header" TEXT[],
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "mode" TEXT NOT NULL DEFAULT 'upsert',
    "runAutomations" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL,
    "doneRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "leaseUntil" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ImportPart" (
    "jobId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "ImportPart_pkey" PRIMARY KEY ("jobId","seq")
);

CREATE TABLE "ImportFailure" (
    "jobId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "ImportFailure_pkey" PRIMARY KEY ("jobId","line")
);

CREATE INDEX "ImportJob_workspaceId_entityId_createdAt_idx" ON "ImportJob"("workspaceId", "entityId", "createdAt");
CREATE INDEX "ImportJob_workspaceId_fileHash_idx" ON "ImportJob"("workspaceId", "fileHash");

ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ImportPart" ADD CONSTRAINT "ImportPart_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ImportFailure" ADD CONSTRAINT "ImportFailure_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

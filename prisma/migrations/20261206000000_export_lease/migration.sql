-- One running CSV export per workspace across every instance (lib/export/running.ts): a lease
-- row, taken atomically, renewed while the export streams, freed when it ends; a lease whose
-- instance died expires on its own.
CREATE TABLE "ExportLease" (
    "workspaceId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ExportLease_pkey" PRIMARY KEY ("workspaceId")
);

ALTER TABLE "ExportLease" ADD CONSTRAINT "ExportLease_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

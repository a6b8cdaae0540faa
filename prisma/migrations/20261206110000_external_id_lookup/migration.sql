-- Writes look records up by external id (with or without its provider): an import chunk asks for
-- 1,000 at once. PostgreSQL answered `"externalId" = ANY(...)` from the trigram index, about
-- 5 ms per id (5 s a chunk at 200,000 records), even beside a btree on the id. This btree is in
-- the "C" collation and the lookup compares in it (lib/records/write.ts), so the trigram index
-- (default collation) cannot serve that comparison; it replaces the index that led with the provider.
DROP INDEX "Record_workspaceId_entityId_externalProvider_externalId_idx";
CREATE INDEX "Record_external_id_lookup_idx" ON "Record"("workspaceId", "entityId", "externalId" COLLATE "C");

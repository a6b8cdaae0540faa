-- Writes look records up by external id (with or without its provider) and, for an upsert by
-- phone, by number: an import chunk asks for 1,000 at once. PostgreSQL answered `= ANY(...)` from
-- the trigram indexes, about 5 ms per value (5 s a chunk at 200,000 records), even beside a btree.
-- These btrees are in the "C" collation and the lookups compare in it (lib/records/write.ts), so
-- the trigram indexes (default collation) cannot serve them. The id's replaces the index that led
-- with the provider; the phone's covers live records only, the only ones an upsert matches.
DROP INDEX "Record_workspaceId_entityId_externalProvider_externalId_idx";
CREATE INDEX "Record_external_id_lookup_idx" ON "Record"("workspaceId", "entityId", "externalId" COLLATE "C");
CREATE INDEX "Record_phone_lookup_idx" ON "Record"("workspaceId", "entityId", "phoneNumber" COLLATE "C") WHERE "deletedAt" IS NULL;

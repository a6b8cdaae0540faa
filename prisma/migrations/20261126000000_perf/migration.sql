-- Performance at scale (issue 15). Written by hand: Prisma cannot express partial or trigram indexes.

-- Trigram search (ILIKE '%term%' on name, phone number, external id). The extension lives in
-- "public" so every schema of the database (one per app, one per test file) shares one copy,
-- and dropping a schema never drops it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- The live list, newest first, keyset on (createdAt, id): one entity, and all of them.
-- They replace the composite index with "deletedAt" in the middle, which could not serve the order.
DROP INDEX "Record_workspaceId_entityId_deletedAt_createdAt_id_idx";
CREATE INDEX "Record_live_list_idx" ON "Record" ("workspaceId", "entityId", "createdAt" DESC, "id" DESC) WHERE "deletedAt" IS NULL;
CREATE INDEX "Record_live_all_list_idx" ON "Record" ("workspaceId", "createdAt" DESC, "id" DESC) WHERE "deletedAt" IS NULL;

-- The trash list (soonest purge first, keyset on (deletedAt, id)) and the purge batch selection.
DROP INDEX "Record_workspaceId_deletedAt_idx";
CREATE INDEX "Record_trash_idx" ON "Record" ("workspaceId", "deletedAt", "id") WHERE "deletedAt" IS NOT NULL;

CREATE INDEX "Record_name_trgm_idx" ON "Record" USING gin ("name" public.gin_trgm_ops);
CREATE INDEX "Record_phoneNumber_trgm_idx" ON "Record" USING gin ("phoneNumber" public.gin_trgm_ops);
CREATE INDEX "Record_externalId_trgm_idx" ON "Record" USING gin ("externalId" public.gin_trgm_ops);

-- Declared fields per entity (lib/fields/): every door that writes records validates against them.
CREATE TYPE "FieldType" AS ENUM ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'EMAIL', 'URL', 'PHONE', 'SELECT');

-- On-create automations (records created by the dialog, an import or the API).
ALTER TYPE "AutomationTrigger" ADD VALUE 'RECORD_CREATED';

CREATE TABLE "EntityField" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" "FieldType" NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EntityField_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "EntityField_entityId_name_key" ON "EntityField"("entityId", "name");
CREATE INDEX "EntityField_workspaceId_idx" ON "EntityField"("workspaceId");

ALTER TABLE "EntityField" ADD CONSTRAINT "EntityField_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EntityField" ADD CONSTRAINT "EntityField_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Declare what existing records already hold: one field per attribute key, typed by its values
-- (numbers, booleans, ISO dates, e-mail addresses, web addresses; a short list of repeated
-- strings becomes a single select with those options, most frequent first; anything else text).
WITH vals AS (
    SELECT r."workspaceId", r."entityId", e.key, e.value
    FROM "Record" r,
         jsonb_each(CASE WHEN jsonb_typeof(r.attributes) = 'object' THEN r.attributes ELSE '{}'::jsonb END) AS e
    WHERE jsonb_typeof(e.value) <> 'null'
), keys AS (
    SELECT "workspaceId", "entityId", key,
           count(*) AS n,
           bool_and(jsonb_typeof(value) = 'number') AS all_numbers,
           bool_and(jsonb_typeof(value) = 'boolean') AS all_booleans,
           bool_and(jsonb_typeof(value) = 'string') AS all_strings,
           bool_and(value #>> '{}' ~ '^\d{4}-\d{2}-\d{2}$') AS all_dates,
           bool_and(value #>> '{}' ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') AS all_emails,
           bool_and(value #>> '{}' ~* '^https?://') AS all_urls,
           count(DISTINCT value #>> '{}') AS distinct_values
    FROM vals
    GROUP BY 1, 2, 3
)
INSERT INTO "EntityField" ("id", "workspaceId", "entityId", "name", "label", "type", "options", "position")
SELECT 'fld_' || md5(k."entityId" || ':' || k.key),
       k."workspaceId", k."entityId", k.key,
       upper(left(regexp_replace(replace(k.key, '_', ' '), '([a-z])([A-Z])', '\1 \2', 'g'), 1))
         || lower(substr(regexp_replace(replace(k.key, '_', ' '), '([a-z])([A-Z])', '\1 \2', 'g'), 2)),
       CASE
         WHEN k.all_numbers THEN 'NUMBER'
         WHEN k.all_booleans THEN 'BOOLEAN'
         WHEN k.all_strings AND k.all_dates THEN 'DATE'
         WHEN k.all_strings AND k.all_emails THEN 'EMAIL'
         WHEN k.all_strings AND k.all_urls THEN 'URL'
         WHEN k.all_strings AND k.distinct_values <= 12 AND k.n >= 3 * k.distinct_values THEN 'SELECT'
         ELSE 'TEXT'
       END::"FieldType",
       CASE
         WHEN k.all_strings AND NOT k.all_dates AND NOT k.all_emails AND NOT k.all_urls
              AND k.distinct_values <= 12 AND k.n >= 3 * k.distinct_values
         THEN ARRAY(SELECT v.value #>> '{}' FROM vals v
                    WHERE v."entityId" = k."entityId" AND v.key = k.key
                    GROUP BY 1 ORDER BY count(*) DESC, 1)
         ELSE ARRAY[]::TEXT[]
       END,
       row_number() OVER (PARTITION BY k."entityId" ORDER BY k.key)::int
FROM keys k;

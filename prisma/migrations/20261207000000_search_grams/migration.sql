-- Search by phone number or external id at a million records (issue 28). The trigram indexes
-- answer `LIKE '%55501234%'` by intersecting the posting lists of every trigram of the term, and
-- trigrams every number shares ("+15", "555") or every id shares ("hs-", "000") list the whole
-- table: the search cost grew with the table. This index holds every run of six characters of
-- the number and of the lower-cased id, so a term of six or more plain characters reads only the
-- rows that hold one of its runs (lib/records/search.ts); shorter terms keep the trigram indexes.
-- PL/pgSQL: about 5 µs a row, where the same in SQL with generate_series took 24 (writes pay it).
CREATE FUNCTION record_search_grams(phone text, external_id text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  grams text[] := '{}';
  id text := lower(external_id);
BEGIN
  FOR i IN 1 .. coalesce(length(phone), 0) - 5 LOOP grams := grams || substr(phone, i, 6); END LOOP;
  FOR i IN 1 .. coalesce(length(id), 0) - 5 LOOP grams := grams || substr(id, i, 6); END LOOP;
  RETURN grams;
END
$$;

CREATE INDEX "Record_search_grams_idx" ON "Record" USING gin (record_search_grams("phoneNumber", "externalId"));

-- Where imported groups came from: one row per record of a spreadsheet,
-- HSDS package or Open Referral feed, keyed by a stable source id, so that
-- importing the same file again changes nothing and an edited row updates
-- the group it made instead of adding another.
CREATE TABLE import_sources (
  -- `<source>:<id>`: the import's source name and the record's own id.
  source_key text PRIMARY KEY,
  -- A hash of the record as last imported: the same hash, nothing to do.
  content_hash text NOT NULL,
  -- The group it was published as (with --publish) ...
  group_id text,
  -- ... or the registration it is waiting for review in.
  registration_id text,
  imported_at timestamptz NOT NULL DEFAULT now(),
  CHECK (group_id IS NOT NULL OR registration_id IS NOT NULL)
);

-- The directory: published (and archived) groups, registrations waiting for
-- review, the moderation log, and the geocoder's cache.

-- Every change to a group takes the next version, so readers can ask for
-- everything changed since the last version they saw (the search index's
-- change feed). Gaps are harmless; order is what matters.
CREATE SEQUENCE group_version;

CREATE TABLE groups (
  id text PRIMARY KEY,
  -- The public Group record exactly as the API serves it.
  record jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('published', 'archived')),
  version bigint NOT NULL DEFAULT nextval('group_version')
);
CREATE INDEX groups_by_version ON groups (version);

CREATE TABLE registrations (
  id text PRIMARY KEY,
  -- Insertion order, so the review queue lists registrations as they came.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  reference text NOT NULL UNIQUE,
  idempotency_key text UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  received_at timestamptz NOT NULL,
  -- The registration input as the API received it (group, registrant, consent, ...).
  input jsonb NOT NULL,
  consent_at timestamptz NOT NULL,
  decided_by text,
  decided_at timestamptz,
  decision_reason text,
  group_id text,
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX registrations_by_status ON registrations (status, seq);

CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL CHECK (action IN ('approve', 'reject', 'edit', 'archive')),
  subject text NOT NULL,
  detail text
);

CREATE TABLE geocode_cache (
  key text PRIMARY KEY,
  place jsonb NOT NULL,
  cached_at timestamptz NOT NULL DEFAULT now()
);

-- Schedules become RFC 5545 recurrence rules (issue 14). A stored schedule
-- was { description, timeZone, meetings }: words typed by the leader and a
-- list of explicit dates. Nothing can be inferred from the words safely, so
-- each keeps its meetings as one-off meetings and its words as the note
-- (shown as they were); it has no rules until a leader or staff add them.
-- Pending registrations are migrated too, so approving one publishes a
-- schedule of the new shape.

CREATE FUNCTION pg_temp.schedule_with_rules(old jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN old ? 'rules' THEN old ELSE jsonb_strip_nulls(jsonb_build_object(
    'timeZone', old -> 'timeZone',
    'rules', '[]'::jsonb,
    'exceptions', '[]'::jsonb,
    'meetings', COALESCE(old -> 'meetings', '[]'::jsonb),
    'note', NULLIF(btrim(old ->> 'description'), '')
  )) END
$$;

-- Group writes take the change feed's lock (see sql-store.ts), and each
-- changed group takes a new version so running search indexes pick it up.
SELECT pg_advisory_xact_lock(7265902);

UPDATE groups
SET record = jsonb_set(record, '{schedule}', pg_temp.schedule_with_rules(record -> 'schedule')),
    version = nextval('group_version')
WHERE NOT (record -> 'schedule') ? 'rules';

UPDATE registrations
SET input = jsonb_set(input, '{group,schedule}', pg_temp.schedule_with_rules(input -> 'group' -> 'schedule'))
WHERE NOT (input -> 'group' -> 'schedule') ? 'rules';

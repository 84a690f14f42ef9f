-- Geocoding precisions renamed (issue 8): a postcode district alone is
-- `district` (was `outcode`) and says what it is the centre of. Places the
-- provider gave before are kept, so a restarted server need not ask again.
UPDATE geocode_cache
SET place = jsonb_set(place, '{precision}', '"district"') || jsonb_build_object('centre', place->'label')
WHERE place->>'precision' = 'outcode';
-- `point` was only ever a search origin, never cached; anything else unknown
-- to the new schema is dropped rather than served.
DELETE FROM geocode_cache
WHERE place->>'precision' NOT IN ('postcode', 'sector', 'district', 'area', 'zip', 'place', 'device');

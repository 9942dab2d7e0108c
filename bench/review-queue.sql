-- The review benchmark's queue: QUEUE decisions submitted in Cambodia on areas of the 1M-decision database, each the
-- whole of its area (whose two halves are approved already: the preview finds both overlaps, the heaviest case), one
-- a minute apart. Written once (created_by 'bench-review'); a second run finds them and adds nothing.
BEGIN;
INSERT INTO release_decisions (id, hazard_area_id, country_code, kind, geometry, credited_area_sqm, organisation_code,
                               date_of_information, attachments, state, version, created_at, created_by, submitted_at)
SELECT gen_random_uuid(), a.id, 'KHM', (ARRAY['CANCELLED', 'REDUCED', 'CLEARED'])[1 + n % 3], a.geometry, 0, a.organisation_code,
       current_date - 1, '[]', 'SUBMITTED', 2, now(), 'bench-review', now() - make_interval(mins => n::int)
FROM (SELECT id, geometry, organisation_code, row_number() OVER (ORDER BY id) AS n
      FROM hazard_areas WHERE country_code = 'KHM' AND local_id NOT LIKE 'KHM-LATENCY-%' ORDER BY id LIMIT :queue) a
WHERE NOT EXISTS (SELECT 1 FROM release_decisions WHERE created_by = 'bench-review');
COMMIT;
ANALYZE release_decisions;

-- Synthetic released land for the reporting benchmark: psql -v decisions=100000 -v overlap=0.03 -f report-dataset.sql
-- Per country (all ten): decisions/2 hazardous areas spread over its bounding box, each an 8-vertex polygon cut in two
-- decisions (west and east halves). In a fraction `overlap` of the areas the west decision reaches into the east
-- half (land released twice, counted once); areas also overlap one another by chance (about 4% of each country's
-- box is covered). Expects the schema the API's migrations create, with the countries seeded and nothing else.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO organisations (id, code, name, kind, countries, created_at)
SELECT gen_random_uuid(), 'BENCH-OPS', 'Benchmark demining operator', 'OPERATOR', array_agg(code ORDER BY code), now()
FROM countries;

CREATE TEMP TABLE bench_areas AS
SELECT s.*, g.geometry
FROM (SELECT c.code AS country_code, i, gen_random_uuid() AS id,
             ST_XMin(c.boundary) + random() * (ST_XMax(c.boundary) - ST_XMin(c.boundary)) AS x,
             ST_YMin(c.boundary) + random() * (ST_YMax(c.boundary) - ST_YMin(c.boundary)) AS y,
             -- Radius (degrees) so that the areas cover about 4% of the box, whatever the country's size.
             sqrt((ST_XMax(c.boundary) - ST_XMin(c.boundary)) * (ST_YMax(c.boundary) - ST_YMin(c.boundary)) * 0.04
                  / (:decisions / 2) / pi()) * (0.5 + random()) AS r,
             2015 + floor(random() * 8)::int AS year,
             random() < :overlap AS overlapping,
             random() AS phase
      FROM (SELECT code, ST_Envelope(boundary) AS boundary FROM countries) c
      CROSS JOIN generate_series(1, :decisions / 2) AS i) s
-- A star-shaped ring: angles strictly increase and radii stay positive, so the ring is simple and valid.
CROSS JOIN LATERAL (
    SELECT ST_Multi(ST_MakePolygon(ST_AddPoint(line, ST_StartPoint(line)))) AS geometry
    FROM (SELECT ST_MakeLine(ST_MakePoint(s.x + rr * cos(a), s.y + rr * sin(a)) ORDER BY k) AS line
          FROM (SELECT k, 2 * pi() * (k + s.phase * 0.5) / 8 AS a, s.r * (0.8 + 0.4 * random()) AS rr
                FROM generate_series(0, 7) AS k) vertices) ring) g;

INSERT INTO hazard_areas (id, country_code, local_id, name, classification, contamination, status, evidence,
                          date_of_information, organisation_code, geometry, remaining_geometry, released_area_sqm,
                          version, recorded_at, recorded_by, recorded_by_organisation, change_reason)
SELECT id, country_code, format('%s-B-%s', country_code, lpad(i::text, 6, '0')), format('Benchmark area %s', i),
       CASE WHEN i % 3 = 0 THEN 'SHA' ELSE 'CHA' END,
       CASE i % 4 WHEN 0 THEN ARRAY['AP_MINE'] WHEN 1 THEN ARRAY['AP_MINE', 'AV_MINE'] WHEN 2 THEN ARRAY['CLUSTER_MUNITION']
                  ELSE ARRAY['OTHER_ERW'] END,
       'WORKED_ON',
       jsonb_build_array(jsonb_build_object('kind', 'DIRECT', 'description', 'Benchmark evidence')),
       make_date(year, 1, 1), 'BENCH-OPS', geometry,
       -- The register's own remaining geometry is not what the reports read; left whole here.
       geometry, 0, 1, make_date(year, 1, 1)::timestamptz, 'bench', 'BENCH-OPS', 'Registered'
FROM bench_areas;

INSERT INTO hazard_area_versions (hazard_area_id, version, country_code, local_id, name, classification, contamination,
                                  status, evidence, date_of_information, organisation_code, geometry,
                                  recorded_at, recorded_by, recorded_by_organisation, change_reason)
SELECT id, version, country_code, local_id, name, classification, contamination, status, evidence, date_of_information,
       organisation_code, geometry, recorded_at, recorded_by, recorded_by_organisation, change_reason
FROM hazard_areas;

-- Two decisions per area: the west half (reaching 20% of the radius east in overlapping areas) and the east half.
INSERT INTO release_decisions (id, hazard_area_id, country_code, kind, geometry, credited_area_sqm, organisation_code,
                               date_of_information, attachments, state, approved_at, version, created_at, created_by)
SELECT gen_random_uuid(), b.id, b.country_code,
       (ARRAY['CANCELLED', 'CANCELLED', 'REDUCED', 'CLEARED', 'CLEARED'])[1 + floor(random() * 5)::int],
       h.geometry, 0, 'BENCH-OPS', h.date_of_information, '[]',
       (ARRAY['APPROVED', 'APPROVED', 'APPROVED', 'CERTIFIED', 'HANDED_OVER'])[1 + floor(random() * 5)::int],
       h.date_of_information + interval '30 days', 3, h.date_of_information, 'bench'
FROM bench_areas b
CROSS JOIN LATERAL (VALUES
    (ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_ClipByBox2D(b.geometry, ST_MakeEnvelope(b.x - 2 * b.r, b.y - 2 * b.r,
         b.x + CASE WHEN b.overlapping THEN 0.2 * b.r ELSE 0 END, b.y + 2 * b.r, 4326))), 3)),
     make_date(b.year, 1, 1) + floor(random() * 730)::int),
    (ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_ClipByBox2D(b.geometry,
         ST_MakeEnvelope(b.x, b.y - 2 * b.r, b.x + 2 * b.r, b.y + 2 * b.r, 4326))), 3)),
     make_date(b.year, 1, 1) + floor(random() * (make_date(2025, 12, 31) - make_date(b.year, 1, 1)))::int)
) AS h(geometry, date_of_information);

-- The per-area credits the approving transaction would have written: the later of two overlapping halves gets
-- only what is new. Elsewhere the halves only share an edge and each keeps its own area.
UPDATE release_decisions d SET credited_area_sqm = d.area_sqm;
UPDATE release_decisions d SET credited_area_sqm = ST_Area(ST_Difference(d.geometry, o.geometry)::geography)
FROM bench_areas b, release_decisions o
WHERE b.overlapping AND d.hazard_area_id = b.id AND o.hazard_area_id = b.id AND o.id <> d.id
  AND (o.date_of_information, o.approved_at, o.id) < (d.date_of_information, d.approved_at, d.id);
UPDATE hazard_areas a SET released_area_sqm = s.sqm
FROM (SELECT hazard_area_id, sum(credited_area_sqm) AS sqm FROM release_decisions GROUP BY 1) s WHERE s.hazard_area_id = a.id;

-- Four areas in Cambodia with a submitted decision each: the benchmark approves them through the API.
INSERT INTO hazard_areas (id, country_code, local_id, name, classification, contamination, status, evidence,
                          date_of_information, organisation_code, geometry, remaining_geometry, released_area_sqm,
                          version, recorded_at, recorded_by, recorded_by_organisation, change_reason)
SELECT gen_random_uuid(), 'KHM', 'KHM-LATENCY-' || k, 'Latency probe ' || k, 'CHA', ARRAY['AP_MINE'], 'OPEN',
       jsonb_build_array(jsonb_build_object('kind', 'DIRECT', 'description', 'Benchmark evidence')),
       current_date - 1, 'BENCH-OPS', g, g, 0, 1, now(), 'bench', 'BENCH-OPS', 'Registered'
FROM generate_series(1, 4) k
CROSS JOIN LATERAL (SELECT ST_Multi(ST_MakeEnvelope(103.5 + k * 0.01, 12.5, 103.505 + k * 0.01, 12.505, 4326)) AS g) geom;
INSERT INTO hazard_area_versions (hazard_area_id, version, country_code, local_id, name, classification, contamination,
                                  status, evidence, date_of_information, organisation_code, geometry,
                                  recorded_at, recorded_by, recorded_by_organisation, change_reason)
SELECT id, version, country_code, local_id, name, classification, contamination, status, evidence, date_of_information,
       organisation_code, geometry, recorded_at, recorded_by, recorded_by_organisation, change_reason
FROM hazard_areas WHERE local_id LIKE 'KHM-LATENCY-%';
INSERT INTO release_decisions (id, hazard_area_id, country_code, kind, geometry, credited_area_sqm, organisation_code,
                               date_of_information, attachments, state, version, created_at, created_by)
SELECT gen_random_uuid(), id, 'KHM', 'CLEARED', geometry, 0, 'BENCH-OPS', current_date - 1, '[]', 'SUBMITTED', 2, now(), 'bench'
FROM hazard_areas WHERE local_id LIKE 'KHM-LATENCY-%';

COMMIT;
VACUUM (ANALYZE) organisations, hazard_areas, hazard_area_versions, release_decisions;

-- Synthetic hazardous-area register for the read benchmark: psql -v areas=100000 -f register-dataset.sql
-- Expects the schema the API's migrations create, with an empty register.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO organisations (id, code, name, kind, countries, created_at)
VALUES (gen_random_uuid(), 'BENCH-OPS', 'Benchmark demining operator', 'OPERATOR', '{KHM}', now());

-- Ids are UUIDv7 built from recorded_at (PostgreSQL 15 has no uuidv7()): 48-bit Unix milliseconds over a
-- random v4 UUID, version nibble 4 -> 7. Rows go in in recorded_at order, so heap order follows id order
-- the way an append-only register does.
INSERT INTO hazard_areas (id, country_code, local_id, name, classification, contamination, status, evidence,
                          date_of_information, organisation_code, geometry, remaining_geometry, released_area_sqm,
                          version, recorded_at, recorded_by, recorded_by_organisation, change_reason)
SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
           PLACING substring(int8send((extract(epoch FROM s.recorded_at) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
           52, 1), 53, 1), 'hex')::uuid,
       'KHM',
       format('KHM-HA-%s', lpad(s.i::text, 6, '0')),
       format('%s %s', (ARRAY['Phum Thmei', 'Ou Chrov', 'Kouk Romiet', 'Boeng Trakuon', 'Ta Sanh', 'Anlong Veaeng',
                              'Samraong', 'Malai', 'Pailin Khang Cheung', 'Srae Praeng'])[1 + s.i % 10],
              CASE WHEN s.cha THEN 'minefield' ELSE 'suspected area' END || ' ' || s.i),
       CASE WHEN s.cha THEN 'CHA' ELSE 'SHA' END,
       CASE floor(s.r_kind * 6)::int
           WHEN 0 THEN ARRAY['AP_MINE'] WHEN 1 THEN ARRAY['AP_MINE', 'AV_MINE'] WHEN 2 THEN ARRAY['CLUSTER_MUNITION']
           WHEN 3 THEN ARRAY['OTHER_ERW'] WHEN 4 THEN ARRAY['AP_MINE', 'OTHER_ERW']
           ELSE ARRAY['CLUSTER_MUNITION', 'OTHER_ERW'] END,
       s.status,
       -- IMAS 08.10 (and the API's rule): a CHA needs DIRECT evidence.
       CASE WHEN s.cha THEN jsonb_build_array(
                jsonb_build_object('kind', 'DIRECT', 'description', 'Mines seen by villagers while clearing the field edge'),
                jsonb_build_object('kind', 'INDIRECT', 'description', 'Former defensive line on 1980s maps'))
            ELSE jsonb_build_array(
                jsonb_build_object('kind', 'INDIRECT', 'description', 'Reported by the commune chief during non-technical survey'))
       END,
       s.recorded_at::date - (s.i % 30),
       'BENCH-OPS',
       g.geometry,
       -- Released land is not modelled beyond this: closed areas have none left, the others all of it.
       CASE WHEN s.status IN ('CLOSED', 'HANDED_OVER') THEN ST_GeomFromText('MULTIPOLYGON EMPTY', 4326) ELSE g.geometry END,
       CASE WHEN s.status IN ('CLOSED', 'HANDED_OVER') THEN ST_Area(g.geometry::geography) ELSE 0 END,
       1, s.recorded_at, 'bench', 'BENCH-OPS', 'Registered'
FROM (SELECT i,
             timestamptz '2015-01-01 00:00Z' + (interval '10 years' / :areas) * i AS recorded_at,
             102.5 + random() * 5.0 AS cx,
             10.5 + random() * 4.0 AS cy,
             8 + floor(random() * 9)::int AS n,
             -- Mean radius for a log-uniform 0.5–50 ha target area.
             sqrt(exp(ln(5000) + random() * ln(100)) / pi()) AS radius,
             random() AS phase,
             random() < 0.55 AS cha,
             random() AS r_kind,
             (ARRAY['OPEN', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'WORKED_ON', 'WORKED_ON', 'CLOSED', 'CLOSED', 'HANDED_OVER'])
                 [1 + floor(random() * 10)::int] AS status
      FROM generate_series(1, :areas) AS i) s
CROSS JOIN LATERAL (
    -- A star-shaped ring around the centre: angles strictly increase (jitter < half a step) and every gap
    -- is under 180°, so the ring is simple and valid; counter-clockwise as RFC 7946 prefers.
    SELECT ST_Multi(ST_MakePolygon(ST_AddPoint(line, ST_StartPoint(line)))) AS geometry
    FROM (SELECT ST_MakeLine(ST_MakePoint(
                     round((s.cx + v.rr * cos(v.a) / (111320 * cos(radians(s.cy))))::numeric, 7)::float8,
                     round((s.cy + v.rr * sin(v.a) / 110574)::numeric, 7)::float8) ORDER BY v.k) AS line
          FROM (SELECT k, 2 * pi() * (k + s.phase + 0.4 * (random() - 0.5)) / s.n AS a,
                       s.radius * (0.7 + 0.6 * random()) AS rr
                FROM generate_series(0, s.n - 1) AS k) v) ring
) g
ORDER BY s.i;

INSERT INTO hazard_area_versions (hazard_area_id, version, country_code, local_id, name, classification, contamination,
                                  status, evidence, date_of_information, organisation_code, geometry,
                                  recorded_at, recorded_by, recorded_by_organisation, change_reason)
SELECT id, version, country_code, local_id, name, classification, contamination,
       status, evidence, date_of_information, organisation_code, geometry,
       recorded_at, recorded_by, recorded_by_organisation, change_reason
FROM hazard_areas
ORDER BY id;

COMMIT;

-- VACUUM as well as ANALYZE: sets hint bits and the visibility map now, as autovacuum would have on a
-- register that has been live for a while, instead of during the warm-up.
VACUUM (ANALYZE) organisations, hazard_areas, hazard_area_versions;

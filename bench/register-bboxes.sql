-- Query boxes for the bbox read: psql -v target=150 -f register-bboxes.sql (after register-dataset.sql).
-- 1000 squares sized from the density to hold :target areas on average, centred on random areas and kept
-- inside the extent so none is half empty; a target above 100 makes nearly every page a full one.
\set ON_ERROR_STOP on
CREATE SCHEMA bench;
CREATE TABLE bench.bboxes AS
WITH ext AS (SELECT ST_Extent(geometry)::geometry AS e, count(*) AS n FROM hazard_areas),
     size AS (SELECT e, sqrt(:target * ST_Area(e) / n) AS s FROM ext),
     centres AS (SELECT ST_Centroid(geometry) AS c FROM hazard_areas ORDER BY random() LIMIT 1000),
     placed AS (SELECT s, greatest(ST_XMin(e) + s / 2, least(ST_XMax(e) - s / 2, ST_X(c))) AS x,
                          greatest(ST_YMin(e) + s / 2, least(ST_YMax(e) - s / 2, ST_Y(c))) AS y
                FROM size, centres)
SELECT round(s::numeric, 4) AS side,
       round((x - s / 2)::numeric, 5) AS min_lon, round((y - s / 2)::numeric, 5) AS min_lat,
       round((x + s / 2)::numeric, 5) AS max_lon, round((y + s / 2)::numeric, 5) AS max_lat
FROM placed;

-- What each box really holds, counted the way the API filters.
ALTER TABLE bench.bboxes ADD COLUMN hits int;
UPDATE bench.bboxes b SET hits = (SELECT count(*) FROM hazard_areas a
  WHERE ST_Intersects(a.geometry, ST_MakeEnvelope(b.min_lon, b.min_lat, b.max_lon, b.max_lat, 4326)));

// Derives the reference boundaries of the ten ASEAN member states from
// Natural Earth 1:10m Admin 0 countries (public domain), as redistributed by
// the npm package world-atlas@2.0.2 (countries-10m.json, TopoJSON).
//
// Usage: cd tools/countries && npm ci && node derive-asean-countries.mjs
//
// Output: src/LandRelease.Data/Countries/asean-countries.geojson
//   - one Feature per country, sorted by ISO 3166-1 alpha-3 code
//   - properties: { code, name, isoNumeric }
//   - geometry always MultiPolygon, RFC 7946 winding (exterior CCW, holes CW)
//   - coordinates rounded to 6 decimals; consecutive duplicates removed;
//     rings with fewer than 4 positions (or zero area) after rounding dropped

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const inputPath = resolve(here, "node_modules/world-atlas/countries-10m.json");
const outputPath = resolve(here, "../../src/LandRelease.Data/Countries/asean-countries.geojson");

const SOURCE =
  "Natural Earth 1:10m Admin 0 countries (public domain), via world-atlas 2.0.2 countries-10m.json; " +
  "derived by tools/countries/derive-asean-countries.mjs";

// ISO 3166-1 alpha-3 -> numeric (3 digits, zero-padded) and English short name.
const ASEAN = [
  { code: "BRN", isoNumeric: "096", name: "Brunei" },
  { code: "IDN", isoNumeric: "360", name: "Indonesia" },
  { code: "KHM", isoNumeric: "116", name: "Cambodia" },
  { code: "LAO", isoNumeric: "418", name: "Laos" },
  { code: "MMR", isoNumeric: "104", name: "Myanmar" },
  { code: "MYS", isoNumeric: "458", name: "Malaysia" },
  { code: "PHL", isoNumeric: "608", name: "Philippines" },
  { code: "SGP", isoNumeric: "702", name: "Singapore" },
  { code: "THA", isoNumeric: "764", name: "Thailand" },
  { code: "VNM", isoNumeric: "704", name: "Vietnam" },
].sort((a, b) => a.code.localeCompare(b.code));

// None of these countries crosses the antimeridian; guard against surprises.
const LON_MIN = 90, LON_MAX = 145, LAT_MIN = -15, LAT_MAX = 30;

const DECIMALS = 6;
const FACTOR = 10 ** DECIMALS;
const round = (v) => Math.round(v * FACTOR) / FACTOR;

// Normalise ids so that "96", 96 and "096" all compare equal.
const normId = (id) => (id === undefined || id === null ? null : String(id).padStart(3, "0"));

// Planar signed area (shoelace) of a closed ring; > 0 means counter-clockwise.
function signedArea(ring) {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

const stats = { droppedRings: 0, droppedPolygons: 0, reversedRings: 0, removedDuplicates: 0 };

// Rounds a ring, removes consecutive duplicates, closes it, and orients it.
// Returns null when the ring degenerates.
function cleanRing(ring, exterior) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) {
      stats.removedDuplicates++;
      continue;
    }
    out.push(p);
  }
  // Ensure closure (first == last) after rounding.
  if (out.length > 0) {
    const first = out[0], last = out[out.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  }
  if (out.length < 4) return null;
  const area = signedArea(out);
  if (area === 0) return null;
  const ccw = area > 0;
  if (ccw !== exterior) {
    out.reverse();
    stats.reversedRings++;
  }
  return out;
}

function toMultiPolygon(geometry, label) {
  let polygons;
  if (geometry.type === "Polygon") polygons = [geometry.coordinates];
  else if (geometry.type === "MultiPolygon") polygons = geometry.coordinates;
  else throw new Error(`${label}: unexpected geometry type ${geometry.type}`);

  const result = [];
  for (const polygon of polygons) {
    const [shell, ...holes] = polygon;
    const cleanShell = cleanRing(shell, true);
    if (!cleanShell) {
      stats.droppedRings += polygon.length;
      stats.droppedPolygons++;
      continue;
    }
    const cleanHoles = [];
    for (const hole of holes) {
      const h = cleanRing(hole, false);
      if (h) cleanHoles.push(h);
      else stats.droppedRings++;
    }
    result.push([cleanShell, ...cleanHoles]);
  }
  if (result.length === 0) throw new Error(`${label}: geometry collapsed entirely`);
  return { type: "MultiPolygon", coordinates: result };
}

function bbox(multi) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const polygon of multi.coordinates)
    for (const ring of polygon)
      for (const [x, y] of ring) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
  return [minX, minY, maxX, maxY];
}

// --- main -------------------------------------------------------------------

const topology = JSON.parse(readFileSync(inputPath, "utf8"));
const countries = feature(topology, topology.objects.countries);

const byId = new Map();
for (const f of countries.features) {
  const id = normId(f.id);
  if (id !== null) byId.set(id, f);
}

const features = [];
for (const c of ASEAN) {
  const src = byId.get(c.isoNumeric);
  if (!src) throw new Error(`${c.code}: ISO numeric ${c.isoNumeric} not found in countries-10m.json`);
  console.log(
    `${c.code}: found id ${JSON.stringify(src.id)} name ${JSON.stringify(src.properties?.name)} ` +
      `(${src.geometry.type})`,
  );
  const geometry = toMultiPolygon(src.geometry, c.code);
  const [minX, minY, maxX, maxY] = bbox(geometry);
  if (minX < LON_MIN || maxX > LON_MAX || minY < LAT_MIN || maxY > LAT_MAX)
    throw new Error(`${c.code}: bbox ${[minX, minY, maxX, maxY]} outside expected region`);
  features.push({
    type: "Feature",
    properties: { code: c.code, name: c.name, isoNumeric: c.isoNumeric },
    geometry,
  });
}

// One feature per line: compact, yet diffs stay readable per country.
const text =
  '{"type":"FeatureCollection",\n' +
  `"source":${JSON.stringify(SOURCE)},\n` +
  '"features":[\n' +
  features.map((f) => JSON.stringify(f)).join(",\n") +
  "\n]}\n";

JSON.parse(text); // self-check: output is valid JSON
mkdirSync(dirname(outputPath), { recursive: true });
writeFileSync(outputPath, text);

console.log(
  `wrote ${features.length} features, ${text.length} bytes -> ${outputPath}\n` +
    `removed ${stats.removedDuplicates} duplicate positions, dropped ${stats.droppedRings} rings ` +
    `(${stats.droppedPolygons} polygons), reversed ${stats.reversedRings} rings`,
);

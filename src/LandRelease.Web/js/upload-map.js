// An upload's page: its refused features on a map, over the country's outline, each labelled with its feature number.
import { blankMap, fetchOutlines, label, markDrawn, markFailed, pageData } from './map-base.js';

const container = document.getElementById('upload-map');
const data = pageData(container);
if (data) {
  draw(container, data).catch(error => markFailed(container, error));
}

async function draw(container, data) {
  const [outlines, refused] = await Promise.all([fetchOutlines(data.outlinesUrl), fetchJson(data.features)]);
  const country = outlines.features.find(f => f.properties.code === data.code);
  const drawn = refused.features.filter(f => f.geometry);
  const map = blankMap(container, bounds(drawn) ?? [[country.bbox[0], country.bbox[1]], [country.bbox[2], country.bbox[3]]]);
  map.on('load', () => {
    map.addSource('country', { type: 'geojson', data: country });
    map.addLayer({ id: 'country-fill', type: 'fill', source: 'country', paint: { 'fill-color': '#ffffff' } });
    map.addLayer({ id: 'country-line', type: 'line', source: 'country', paint: { 'line-color': '#4a5a6a', 'line-width': 1.2 } });
    map.addSource('refused', { type: 'geojson', data: { type: 'FeatureCollection', features: drawn } });
    map.addLayer({ id: 'refused-fill', type: 'fill', source: 'refused', paint: { 'fill-color': '#c0392b', 'fill-opacity': 0.35 } });
    map.addLayer({ id: 'refused-line', type: 'line', source: 'refused', paint: { 'line-color': '#8e1b10', 'line-width': 2 } });
    // A marker on each, so an area of a few hundred metres is seen when the map shows kilometres.
    const markers = drawn.map(f => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: centre(f.geometry) } }));
    map.addSource('refused-points', { type: 'geojson', data: { type: 'FeatureCollection', features: markers } });
    map.addLayer({ id: 'refused-points', type: 'circle', source: 'refused-points', maxzoom: 13,
      paint: { 'circle-radius': 6, 'circle-color': '#c0392b', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } });
    for (const feature of drawn) {
      label(map, centre(feature.geometry), `#${feature.properties.feature}`, 'refused-label');
    }
    markDrawn(map, container, drawn.length);
  });
}

async function fetchJson(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`refused features: HTTP ${response.status}`);
  }

  return response.json();
}

function positions(geometry) {
  const flat = [];
  const walk = c => (typeof c[0] === 'number' ? flat.push(c) : c.forEach(walk));
  walk(geometry.coordinates ?? []);
  return flat;
}

function bounds(features) {
  const all = features.flatMap(f => positions(f.geometry));
  if (all.length === 0) {
    return null;
  }

  const xs = all.map(p => p[0]);
  const ys = all.map(p => p[1]);
  const pad = 0.01;
  return [[Math.min(...xs) - pad, Math.min(...ys) - pad], [Math.max(...xs) + pad, Math.max(...ys) + pad]];
}

function centre(geometry) {
  const all = positions(geometry);
  return [all.reduce((s, p) => s + p[0], 0) / all.length, all.reduce((s, p) => s + p[1], 0) / all.length];
}

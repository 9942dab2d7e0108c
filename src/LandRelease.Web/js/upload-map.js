// An upload's page: where its refused features are, over the country's outline, fitted to them. A feature whose outline
// could be read is drawn; every refused feature with a place gets a marker labelled with its local id and rule (a
// feature without a usable outline, e.g. swapped coordinates, is marked where the check located the problem). Click a
// marker or an outline for the message.
import { Popup } from 'maplibre-gl';
import { blankMap, fetchOutlines, label, markDrawn, markFailed, pageData } from './map-base.js';

// Past this many refused features the labels would cover the map: markers and popups only.
const maxLabels = 60;

const container = document.getElementById('upload-map');
const data = pageData(container);
if (data) {
  draw(container, data).catch(error => markFailed(container, error));
}

async function draw(container, data) {
  const [outlines, refused, report] = await Promise.all([fetchOutlines(data.outlinesUrl), fetchJson(data.features), reportLines(data.report)]);
  const country = outlines.features.find(f => f.properties.code === data.code);
  const outlined = refused.features.filter(f => usable(f.geometry));
  const markers = refused.features.map(f => marker(f, report.get(f.properties.feature))).filter(Boolean);
  const places = [...outlined.flatMap(f => positions(f.geometry)), ...markers.map(m => m.geometry.coordinates)];
  const map = blankMap(container, bounds(places) ?? [[country.bbox[0], country.bbox[1]], [country.bbox[2], country.bbox[3]]]);
  map.on('load', () => {
    map.addSource('country', { type: 'geojson', data: country });
    map.addLayer({ id: 'country-fill', type: 'fill', source: 'country', paint: { 'fill-color': '#ffffff' } });
    map.addLayer({ id: 'country-line', type: 'line', source: 'country', paint: { 'line-color': '#4a5a6a', 'line-width': 1.2 } });
    map.addSource('refused', { type: 'geojson', data: { type: 'FeatureCollection', features: outlined } });
    map.addLayer({ id: 'refused-fill', type: 'fill', source: 'refused', paint: { 'fill-color': '#c0392b', 'fill-opacity': 0.3 } });
    map.addLayer({ id: 'refused-line', type: 'line', source: 'refused', paint: { 'line-color': '#8e1b10', 'line-width': 2 } });
    map.addSource('refused-points', { type: 'geojson', data: { type: 'FeatureCollection', features: markers } });
    map.addLayer({ id: 'refused-points', type: 'circle', source: 'refused-points',
      paint: { 'circle-radius': 10, 'circle-color': '#c0392b', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
    if (markers.length <= maxLabels) {
      // The feature's number (the table's first column) on its marker; its local id and rule beside it where they fit.
      const labels = markers.map(m => {
        label(map, m.geometry.coordinates, String(m.properties.feature), 'refused-number');
        return { at: m.geometry.coordinates, marker: label(map, m.geometry.coordinates, `${m.properties.title} · ${m.properties.rule}`, 'refused-label') };
      });
      declutter(map, labels);
      map.on('moveend', () => declutter(map, labels));
    }

    for (const layer of ['refused-points', 'refused-fill']) {
      map.on('click', layer, event => showPopup(map, event));
      map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
      map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
    }

    container.dataset.markers = String(markers.length);
    markDrawn(map, container, markers.length);
  });
}

/** Shows a label only where it overlaps no label already shown (in the order of the file), so each one shown can be read. */
function declutter(map, labels) {
  const shown = [];
  for (const { at, marker } of labels) {
    const element = marker.getElement();
    const centre = map.project(at);
    const width = element.textContent.length * 7 + 12;
    const box = { left: centre.x - (width / 2), right: centre.x + (width / 2), top: centre.y - 36, bottom: centre.y - 14 };
    const free = !shown.some(b => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom);
    element.style.visibility = free ? 'visible' : 'hidden';
    if (free) {
      shown.push(box);
    }
  }
}

/** The marker of one refused feature: at the problem's location if the check gave one, else inside its outline. */
function marker(feature, line) {
  const p = feature.properties;
  const at = line?.location ?? (usable(feature.geometry) ? centre(feature.geometry) : null);
  if (!at) {
    return null;
  }

  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: at },
    properties: { feature: p.feature, title: line?.localId ?? p.localId ?? `Feature ${p.feature}`, rule: p.rule ?? '', message: p.message ?? '' },
  };
}

function showPopup(map, event) {
  const p = event.features[0].properties;
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = p.title ?? p.localId ?? p.name ?? `Feature ${p.feature}`;
  const rule = document.createElement('code');
  rule.className = 'rule';
  rule.textContent = p.rule ?? '';
  const message = document.createElement('p');
  message.textContent = `Feature ${p.feature}: ${p.message ?? ''}`;
  box.append(title, document.createElement('br'), rule, message);
  new Popup({ maxWidth: '22rem' }).setLngLat(event.lngLat).setDOMContent(box).addTo(map);
}

/** Feature number -> {localId, location} of the refused lines of the report, every page of it. */
async function reportLines(url) {
  const lines = new Map();
  for (let next = url; next;) {
    const page = await fetchJson(next);
    for (const line of page.features) {
      const located = [...(line.violations ?? []), ...(line.warnings ?? [])].find(v => Array.isArray(v.location));
      lines.set(String(line.feature), { localId: line.localId, location: located?.location ?? null });
    }

    next = page.next;
  }

  return lines;
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
  walk(geometry?.coordinates ?? []);
  return flat;
}

/** An outline that can be drawn where it is: longitudes and latitudes in range (swapped ones are not). */
function usable(geometry) {
  const all = positions(geometry);
  return all.length > 0 && all.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90);
}

function bounds(all) {
  if (all.length === 0) {
    return null;
  }

  const xs = all.map(p => p[0]);
  const ys = all.map(p => p[1]);
  // At least a few hundred metres around, so one small area is seen with its surroundings.
  const pad = Math.max(0.004, 0.08 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)));
  return [[Math.min(...xs) - pad, Math.min(...ys) - pad], [Math.max(...xs) + pad, Math.max(...ys) + pad]];
}

function centre(geometry) {
  const all = positions(geometry);
  return [all.reduce((s, p) => s + p[0], 0) / all.length, all.reduce((s, p) => s + p[1], 0) / all.length];
}

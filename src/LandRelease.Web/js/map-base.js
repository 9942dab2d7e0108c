// What both maps share: MapLibre with no basemap, no glyphs and no sprites (nothing fetched but our own JSON),
// the worker served beside this bundle, and labels drawn as HTML so no font is downloaded.
import { Map as MapLibreMap, Marker, setWorkerUrl } from 'maplibre-gl';

setWorkerUrl(new URL('./maplibre-gl-worker.mjs', import.meta.url).href);

export const noData = '#d9d9d9';

/** A map in `container` showing `bounds` ([[w, s], [e, n]]), on a plain sea-coloured background. */
export function blankMap(container, bounds) {
  return new MapLibreMap({
    container,
    style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#eef3f7' } }] },
    bounds,
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    renderWorldCopies: false,
  });
}

/** Reads the JSON the page put on the map's container (data-map, attribute-encoded by the server). */
export function pageData(container) {
  return container?.dataset.map ? JSON.parse(container.dataset.map) : null;
}

/** An HTML label at [lon, lat]; pointer events pass through to the map. */
export function label(map, lngLat, text, className) {
  const element = document.createElement('div');
  element.className = `map-label ${className ?? ''}`;
  element.textContent = text;
  element.setAttribute('aria-hidden', 'true');
  return new Marker({ element }).setLngLat(lngLat).addTo(map);
}

/** Signals to the page (and its tests) that the map drew its data: data-state="drawn" on the container. */
export function markDrawn(map, container, featureCount) {
  // The browser tests and the benchmark find a place on the map through it (map.project).
  container.landreleaseMap = map;
  map.once('idle', () => {
    container.dataset.state = 'drawn';
    container.dataset.drawnAt = String(Math.round(performance.now()));
    container.dataset.features = String(featureCount);
    container.dispatchEvent(new CustomEvent('map-drawn', { bubbles: true }));
  });
}

export function markFailed(container, error) {
  container.dataset.state = 'failed';
  const message = document.createElement('p');
  message.className = 'map-error';
  message.textContent = `The map could not be drawn: ${error.message ?? error}`;
  container.append(message);
}

// The ten states' outlines the maps draw (GET /api/countries/outlines), with the page's own cookie.
export async function fetchOutlines(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`outlines: HTTP ${response.status}`);
  }

  return response.json();
}

// The country page's map: the country's outline, and the report's grid of land released in the period and, for the
// country's own users only, of land remaining (the server leaves those cells out for everyone else).
import { blankMap, fetchOutlines, markDrawn, markFailed, pageData } from './map-base.js';

const container = document.getElementById('country-map');
const data = pageData(container);
if (data) {
  draw(container, data).catch(error => markFailed(container, error));
}

async function draw(container, data) {
  const outlines = await fetchOutlines(data.outlinesUrl);
  const country = outlines.features.find(f => f.properties.code === data.code);
  const map = blankMap(container, [[country.bbox[0], country.bbox[1]], [country.bbox[2], country.bbox[3]]]);
  const layers = data.layers.map(layer => ({ ...layer, cells: cells(data.grid, layer.cells, layer.classes) }));
  map.on('load', () => {
    map.addSource('country', { type: 'geojson', data: country });
    map.addLayer({ id: 'country-fill', type: 'fill', source: 'country', paint: { 'fill-color': '#ffffff' } });
    for (const layer of layers) {
      map.addSource(layer.id, { type: 'geojson', data: layer.cells });
      map.addLayer({ id: layer.id, type: 'fill', source: layer.id, paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.85 } });
    }
    map.addLayer({ id: 'country-line', type: 'line', source: 'country', paint: { 'line-color': '#4a5a6a', 'line-width': 1.2 } });
    markDrawn(map, container, layers.reduce((n, l) => n + l.cells.features.length, 0));
  });
}

/** The grid's [column, row, m²] cells as squares, coloured by the layer's classes (upper bounds in m²). */
function cells(grid, list, classes) {
  const size = grid.cellDegrees;
  return {
    type: 'FeatureCollection',
    features: list.map(([column, row, sqm]) => {
      const west = grid.west + column * size;
      const south = grid.south + row * size;
      const color = (classes.find(c => sqm <= c.upTo) ?? classes[classes.length - 1]).color;
      return {
        type: 'Feature',
        properties: { sqm, color },
        geometry: { type: 'Polygon', coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] },
      };
    }),
  };
}

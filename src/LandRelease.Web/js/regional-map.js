// The regional dashboard's map: the ten ASEAN states shaded by remaining contaminated area (the classes the page's
// legend shows), "no data reported" hatched grey, each state a link to its country page.
import { blankMap, fetchOutlines, label, markDrawn, markFailed, noData, pageData } from './map-base.js';

const container = document.getElementById('regional-map');
const data = pageData(container);
if (data) {
  draw(container, data).catch(error => markFailed(container, error));
}

async function draw(container, data) {
  const outlines = await fetchOutlines(data.outlinesUrl);
  for (const feature of outlines.features) {
    const state = data.countries[feature.properties.code];
    feature.properties.fill = state?.reported ? data.classes[state.class].color : noData;
    feature.properties.reported = Boolean(state?.reported);
  }

  const map = blankMap(container, data.bounds);
  map.on('load', () => {
    map.addImage('no-data-hatch', hatch(), { pixelRatio: 2 });
    map.addSource('states', { type: 'geojson', data: outlines, promoteId: 'code' });
    map.addLayer({ id: 'states-fill', type: 'fill', source: 'states', filter: ['==', ['get', 'reported'], true],
      paint: { 'fill-color': ['get', 'fill'] } });
    map.addLayer({ id: 'states-no-data', type: 'fill', source: 'states', filter: ['==', ['get', 'reported'], false],
      paint: { 'fill-pattern': 'no-data-hatch' } });
    map.addLayer({ id: 'states-line', type: 'line', source: 'states',
      paint: { 'line-color': '#ffffff', 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, 1] } });
    map.addLayer({ id: 'states-hover', type: 'line', source: 'states', filter: ['==', ['get', 'code'], ''],
      paint: { 'line-color': '#1b2a3a', 'line-width': 2.5 } });
    for (const feature of outlines.features) {
      const state = data.countries[feature.properties.code];
      // Only the states that reported carry a label: the hatching and the legend say "no data" for the others.
      if (state?.reported) {
        label(map, feature.properties.labelAt, `${state.name} · ${state.short}`);
      }
    }

    interact(map, data);
    markDrawn(map, container, outlines.features.length);
  });
}

function interact(map, data) {
  const canvas = map.getCanvas();
  for (const layer of ['states-fill', 'states-no-data']) {
    map.on('mousemove', layer, event => {
      const code = event.features[0].properties.code;
      canvas.style.cursor = 'pointer';
      canvas.title = `${data.countries[code].name}: ${data.countries[code].short} — open the country page`;
      map.setFilter('states-hover', ['==', ['get', 'code'], code]);
    });
    map.on('mouseleave', layer, () => {
      canvas.style.cursor = '';
      canvas.title = '';
      map.setFilter('states-hover', ['==', ['get', 'code'], '']);
    });
    map.on('click', layer, event => {
      window.location.assign(data.countries[event.features[0].properties.code].href);
    });
  }
}

/** Diagonal grey hatching drawn on a canvas (no sprite is fetched). */
function hatch() {
  const size = 16;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d');
  context.fillStyle = '#ececec';
  context.fillRect(0, 0, size, size);
  context.strokeStyle = '#9a9a9a';
  context.lineWidth = 2;
  context.beginPath();
  for (const offset of [-size, 0, size]) {
    context.moveTo(offset, size);
    context.lineTo(offset + size, 0);
  }
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

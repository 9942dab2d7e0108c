// The register browser's search map: the areas of this page of results over the countries' outlines, the searched
// extent when there is one, and "Search this view", which puts the map's bounds into the form's extent.
import { blankMap, fetchOutlines, markDrawn, markFailed, pageData } from './map-base.js';
import { boundsOf, addAreas } from './register-layers.js';

const container = document.getElementById('areas-map');
const data = pageData(container);
if (data) {
  draw(container, data).catch(error => markFailed(container, error));
}
tidyForm(document.getElementById('area-search'));

async function draw(container, data) {
  const outlines = await fetchOutlines('/api/countries/outlines');
  const box = data.bbox ?? boundsOf(data.features) ?? data.countryExtent;
  const map = blankMap(container, [[box[0], box[1]], [box[2], box[3]]]);
  map.on('load', () => {
    map.addSource('countries', { type: 'geojson', data: outlines });
    map.addLayer({ id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#ffffff' } });
    map.addLayer({ id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#9aa5b1', 'line-width': 1 } });
    if (data.bbox) {
      const [w, s, e, n] = data.bbox;
      const extent = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
      map.addSource('extent', { type: 'geojson', data: extent });
      map.addLayer({ id: 'extent', type: 'line', source: 'extent', paint: { 'line-color': '#52606d', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
    }
    addAreas(map, 'areas', data.features);
    markDrawn(map, container, data.features.length);
  });
  const button = document.getElementById('search-view');
  button.hidden = false;
  button.addEventListener('click', () => {
    const b = map.getBounds();
    document.getElementById('bbox').value = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map((v, i) => Math.min(Math.max(v, i % 2 ? -90 : -180), i % 2 ? 90 : 180).toFixed(5)).join(',');
    document.getElementById('area-search').requestSubmit();
  });
}

// Empty fields stay out of the address, so a search reads as what was asked.
function tidyForm(form) {
  form?.addEventListener('submit', () => {
    for (const field of form.querySelectorAll('input, select')) {
      if (field.name && field.value.trim() === '') {
        field.disabled = true;
      }
    }
  });
}

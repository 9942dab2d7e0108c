// An area's page: its polygon, the land its approved decisions released, and land proposed for release.
import { blankMap, markDrawn, markFailed, pageData } from './map-base.js';
import { boundsOf, addAreas } from './register-layers.js';

const container = document.getElementById('area-map');
const data = pageData(container);
if (data) {
  try {
    draw(container, data);
  } catch (error) {
    markFailed(container, error);
  }
}

function draw(container, data) {
  const box = boundsOf([data.area]);
  const map = blankMap(container, [[box[0], box[1]], [box[2], box[3]]]);
  map.on('load', () => {
    addAreas(map, 'area', [data.area]);
    const decisions = { type: 'FeatureCollection', features: data.decisions };
    map.addSource('decisions', { type: 'geojson', data: decisions });
    map.addLayer({ id: 'released', type: 'fill', source: 'decisions', filter: ['get', 'counted'], paint: { 'fill-color': '#2f9e44', 'fill-opacity': 0.55 } });
    map.addLayer({ id: 'pending', type: 'line', source: 'decisions', filter: ['get', 'pending'], paint: { 'line-color': '#1c7ed6', 'line-width': 2, 'line-dasharray': [2, 1.5] } });
    markDrawn(map, container, 1 + data.decisions.length);
  });
}

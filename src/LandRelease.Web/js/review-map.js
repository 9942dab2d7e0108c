// The review page's map: the decision's land over its hazardous area, the land other decisions released there, and the
// land remaining; one GeoJSON FeatureCollection the server put on the container (built by PostGIS).
import { blankMap, markDrawn, markFailed, pageData } from './map-base.js';

const container = document.getElementById('review-map');
const data = pageData(container);
if (data) {
  try {
    draw(container, data);
  } catch (error) {
    markFailed(container, error);
  }
}

function draw(container, data) {
  const [west, south, east, north] = data.bbox;
  const map = blankMap(container, [[west, south], [east, north]]);
  const of = layer => ['==', ['get', 'layer'], layer];
  map.on('load', () => {
    map.addSource('review', { type: 'geojson', data });
    map.addLayer({ id: 'area', type: 'fill', source: 'review', filter: of('area'), paint: { 'fill-color': '#ffffff' } });
    map.addLayer({ id: 'remaining', type: 'fill', source: 'review', filter: of('remaining'), paint: { 'fill-color': '#f2b8a2', 'fill-opacity': 0.8 } });
    map.addLayer({ id: 'released', type: 'fill', source: 'review', filter: of('released'), paint: { 'fill-color': '#9aa5b1', 'fill-opacity': 0.85 } });
    map.addLayer({ id: 'decision', type: 'fill', source: 'review', filter: of('decision'), paint: { 'fill-color': '#4c9a2a', 'fill-opacity': 0.55 } });
    map.addLayer({ id: 'decision-line', type: 'line', source: 'review', filter: of('decision'), paint: { 'line-color': '#245c16', 'line-width': 2 } });
    map.addLayer({ id: 'area-line', type: 'line', source: 'review', filter: of('area'), paint: { 'line-color': '#a3361a', 'line-width': 1.5, 'line-dasharray': [3, 2] } });
    markDrawn(map, container, data.features.length);
  });
}

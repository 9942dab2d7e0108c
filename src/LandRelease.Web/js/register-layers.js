// What the register browser's two maps share: hazardous areas drawn alike, and the bounds of a set of features.

/** [w, s, e, n] around every coordinate of the features; null when there are none. */
export function boundsOf(features) {
  let box = null;
  const visit = c => {
    if (typeof c[0] === 'number') {
      box = box ? [Math.min(box[0], c[0]), Math.min(box[1], c[1]), Math.max(box[2], c[0]), Math.max(box[3], c[1])] : [c[0], c[1], c[0], c[1]];
    } else {
      c.forEach(visit);
    }
  };
  features.filter(f => f?.geometry).forEach(f => visit(f.geometry.coordinates));
  return box;
}

/**
 * Hazardous areas as a red-orange fill with a dark outline and, zoomed out, a dot at each one's centre: an area of a
 * few hectares is a pixel at country scale.
 */
export function addAreas(map, id, features) {
  map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features } });
  map.addLayer({ id: `${id}-fill`, type: 'fill', source: id, paint: { 'fill-color': '#e8590c', 'fill-opacity': 0.35 } });
  map.addLayer({ id: `${id}-line`, type: 'line', source: id, paint: { 'line-color': '#a33a06', 'line-width': 1.5 } });
  const centres = features.map(f => boundsOf([f])).filter(b => b)
    .map(b => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] } }));
  map.addSource(`${id}-centres`, { type: 'geojson', data: { type: 'FeatureCollection', features: centres } });
  map.addLayer({
    id: `${id}-dots`, type: 'circle', source: `${id}-centres`, maxzoom: 12,
    paint: { 'circle-radius': 4, 'circle-color': '#e8590c', 'circle-stroke-color': '#a33a06', 'circle-stroke-width': 1 },
  });
}

// The regional map is drawn by the server (an SVG in the page, RegionalMap.razor): nothing to load or draw here. This
// only records when the map was first painted, for the benchmark and the tests: a module runs after the document is
// parsed (the SVG is in the DOM), and the second animation frame after that starts once the frame holding it was painted.
const map = document.getElementById('regional-map');
if (map) {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    performance.mark('regional-map-painted');
    map.dataset.drawnAt = String(Math.round(performance.now()));
    map.dataset.state = 'drawn';
  }));
}

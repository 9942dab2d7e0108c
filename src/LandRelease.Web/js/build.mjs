// Bundles the pages' map modules with MapLibre GL JS into ../wwwroot/dist (build output, not in git), beside the
// library's worker and stylesheet, so the pages load nothing from another host.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'wwwroot', 'dist');
await mkdir(out, { recursive: true });

await build({
  entryPoints: [join(here, 'regional-map.js'), join(here, 'country-map.js'), join(here, 'areas-map.js'), join(here, 'area-map.js'), join(here, 'review-map.js'), join(here, 'upload-form.js'), join(here, 'upload-map.js')],
  outdir: out,
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  sourcemap: false,
  target: ['chrome110', 'firefox110', 'safari16'],
  logLevel: 'warning',
});

const maplibre = join(here, 'node_modules', 'maplibre-gl', 'dist');
await copyFile(join(maplibre, 'maplibre-gl-worker.mjs'), join(out, 'maplibre-gl-worker.mjs'));
await copyFile(join(maplibre, 'maplibre-gl.css'), join(out, 'maplibre-gl.css'));
console.log(`bundled into ${out}`);

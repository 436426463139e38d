// Vite builds the SPA into dist/, which the node serves at / with an SPA fallback.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Pages are split by route (React.lazy in app.tsx); the libraries every page needs go in one
    // chunk of their own, which changes less often than the app and stays cached across releases.
    // Each language's strings are a chunk of their own too: six complete catalogues in the entry
    // chunk took it past 500 kB.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The graph library is loaded only where a graph is drawn (entities), not with every page.
            { name: 'cytoscape', test: /node_modules[\\/]cytoscape[\\/]/, priority: 2 },
            // MapLibre GL (and what only it uses) is loaded only on the registries' map.
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre|@mapbox|earcut|gl-matrix|kdbush|supercluster|potpack|quickselect|tinyqueue|pbf|murmurhash-js|rw|geojson-vt|@types[\\/]geojson)[\\/]/, priority: 2 },
            // Chart.js is loaded only on the pages with a chart (statistics).
            { name: 'chartjs', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
            { name: (id: string) => `locale-${/i18n[\\/]([a-z]{2})\.json/.exec(id)?.[1] ?? 'x'}`, test: /i18n[\\/][a-z]{2}\.json$/ },
          ],
        },
      },
      // The timing report is advice for plugin authors; on a busy machine it would greet every first `npm start`.
      checks: { bundlerTimings: false },
    },
  },
  // During `npm run dev -w @comity/web`, API calls go to a node on :8080 so cookies stay same-origin.
  server: { proxy: { '/api': 'http://localhost:8080' } },
});

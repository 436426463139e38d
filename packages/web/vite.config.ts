// Vite builds the SPA into dist/, which the node serves at / with an SPA fallback.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  // During `npm run dev -w @comity/web`, API calls go to a node on :8080 so cookies stay same-origin.
  server: { proxy: { '/api': 'http://localhost:8080' } },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Builds the renderer into dist/renderer; relative asset paths so Electron can load it from disk. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // elkjs alone is ~1.5 MB; the app is loaded from disk, so one large chunk costs nothing.
    chunkSizeWarningLimit: 4096,
  },
});

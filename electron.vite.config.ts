import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const alias = { '@shared': resolve(__dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The backend runs in a utilityProcess in the app and under plain Node in browser mode.
          backend: resolve(__dirname, 'electron/backend/host/utility-entry.ts'),
          serve: resolve(__dirname, 'electron/backend/host/http-entry.ts'),
          // The record pull's thread, started by the backend (hub/pull/pull-thread.ts).
          'pull-worker': resolve(__dirname, 'electron/backend/hub/pull/pull-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // One CommonJS file: a sandboxed preload cannot require its own chunks.
        output: { format: 'cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      // The page must be usable within 2 s of the URL (issue 2); an unminified bundle is 2 MB.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});

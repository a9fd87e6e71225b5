import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/**
 * One build for every host. The main-process bundle carries four entries: the Electron main, the
 * launcher behind `npm start` (Electron when its binary exists, otherwise the web host), the web
 * host itself and the stand-alone sandbox. None of them needs the Electron binary to build.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      lib: {
        entry: {
          main: resolve('electron/main.ts'),
          start: resolve('electron/host/bin/start.ts'),
          'web-host': resolve('electron/host/bin/web-host.ts'),
          sandbox: resolve('electron/sandbox/cli.ts'),
        },
        formats: ['es'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or anything from node_modules.
      externalizeDeps: false,
      lib: { entry: resolve('electron/preload.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      minify: true,
      rolldownOptions: {
        input: {
          index: resolve('renderer/index.html'),
        },
      },
    },
  },
});

import { defineConfig } from 'tsup';

export default defineConfig({
  // The worker entries are separate files: the host starts them by URL.
  entry: ['src/index.ts', 'src/browser.ts', 'src/node-worker-entry.ts', 'src/web-worker-entry.ts'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/browser.ts'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});

/* global process */
/**
 * The browser build: `dist/browser/` holds what the server's web-app plugin
 * serves at `/` and what embedders load with one `<script type="module">`:
 *
 * - `vtt-elements.js`: every element and the `VttClient`, one ES module;
 * - `vtt-app.js`: the `<vtt-app>` single-page app;
 * - `chunk-<hash>.js`: code both share, content-hashed (cached forever);
 * - `web-worker-entry.js`: the sandbox's Web Worker, next to the chunks so
 *   `new URL('./web-worker-entry.js', import.meta.url)` in `@vtt/sandbox/browser`
 *   resolves; `quickjs.wasm`: QuickJS for it;
 * - `index.html`, `manifest.webmanifest`, icons and `sw.js` (the service
 *   worker, given the list of files of this build to precache).
 *
 * Run by `npm run build -w @vtt/web-components`; tests call {@link buildBrowser}
 * with a temp folder so they serve the current sources.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PUBLIC_DIR = join(PACKAGE_DIR, 'public');
const require = createRequire(import.meta.url);

/** Files of `public/` copied as they are (sw.js is filled in, not copied). */
const STATIC_FILES = [
  'index.html',
  'app.css',
  'manifest.webmanifest',
  'icon.svg',
  'icon-maskable.svg',
];

/**
 * Builds the browser bundles into `outDir` (emptied first).
 *
 * @param {{ outDir?: string, minify?: boolean, quiet?: boolean }} [options]
 *   `outDir` defaults to `dist/browser`; `quiet` skips the size table.
 * @returns {Promise<{ outDir: string, files: { name: string, bytes: number, gzip: number }[] }>}
 * @example
 * const { outDir } = await buildBrowser({ outDir: tmp, quiet: true });
 */
export async function buildBrowser(options = {}) {
  const outDir = resolve(options.outDir ?? join(PACKAGE_DIR, 'dist', 'browser'));
  const minify = options.minify ?? true;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const common = {
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify,
    sourcemap: false,
    legalComments: 'none',
    conditions: ['@vtt/source'],
    logLevel: 'warning',
    absWorkingDir: PACKAGE_DIR,
  };
  await build({
    ...common,
    entryPoints: {
      'vtt-elements': join(PACKAGE_DIR, 'src', 'index.ts'),
      'vtt-app': join(PACKAGE_DIR, 'src', 'app', 'main.ts'),
    },
    splitting: true,
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
  });
  const sandboxDir = dirname(require.resolve('@vtt/sandbox/package.json'));
  await build({
    ...common,
    entryPoints: { 'web-worker-entry': join(sandboxDir, 'src', 'web-worker-entry.ts') },
    outdir: outDir,
    entryNames: '[name]',
  });
  const sandboxRequire = createRequire(join(sandboxDir, 'package.json'));
  await copyFile(
    sandboxRequire.resolve('@jitl/quickjs-wasmfile-release-sync/wasm'),
    join(outDir, 'quickjs.wasm'),
  );
  for (const file of STATIC_FILES) await copyFile(join(PUBLIC_DIR, file), join(outDir, file));

  const names = (await readdir(outDir)).sort();
  const version = createHash('sha256');
  for (const name of names) version.update(name).update(await readFile(join(outDir, name)));
  const template = await readFile(join(PUBLIC_DIR, 'sw.js'), 'utf8');
  const shell = ['./', ...names.filter((name) => name !== 'index.html').map((n) => `./${n}`)];
  await writeFile(
    join(outDir, 'sw.js'),
    template
      .replace("'__VTT_VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
      .replace("['__VTT_SHELL__']", JSON.stringify(shell)),
  );

  const files = [];
  for (const name of (await readdir(outDir)).sort()) {
    const bytes = await readFile(join(outDir, name));
    files.push({
      name,
      bytes: (await stat(join(outDir, name))).size,
      gzip: gzipSync(bytes).length,
    });
  }
  if (!options.quiet) {
    const kb = (n) => `${(n / 1024).toFixed(1)} kB`.padStart(10);
    const lines = files.map((f) => `  ${f.name.padEnd(28)}${kb(f.bytes)}${kb(f.gzip)} gzip`);
    process.stdout.write(
      `browser build in ${relative(process.cwd(), outDir) || '.'}:\n${lines.join('\n')}\n`,
    );
  }
  return { outDir, files };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildBrowser();
}

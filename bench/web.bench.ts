/**
 * What the browser downloads: the elements with Lit and the client, as the
 * browser build ships them (`vtt-elements.js` and every chunk it imports),
 * gzipped, beside a baseline built in the same run: one trivial Lit element
 * bundled the same way (what Lit alone costs). QuickJS's wasm and the sandbox
 * worker load on demand and are reported apart.
 *
 * Goal: elements + Lit under 100 kB gzipped.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildBrowser } from '../packages/web-components/scripts/build-browser.mjs';
import { printRows, type Row } from './harness.js';

const BUDGET_KB = 100;
const kb = (bytes: number): number => bytes / 1024;

/** `name` and every `./chunk-*.js` it imports, transitively. */
async function withImports(dir: string, name: string, seen = new Set<string>()): Promise<string[]> {
  if (seen.has(name)) return [];
  seen.add(name);
  const text = await readFile(join(dir, name), 'utf8');
  const imported = [...text.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  for (const file of imported) await withImports(dir, file, seen);
  return [...seen];
}

async function gzipOf(dir: string, names: readonly string[]): Promise<number> {
  let total = 0;
  for (const name of names) total += gzipSync(await readFile(join(dir, name)), { level: 9 }).length;
  return total;
}

/** A bundle of one trivial Lit element, minified like the browser build: Lit's own cost. */
async function litBaseline(): Promise<number> {
  const result = await build({
    stdin: {
      contents:
        "import { LitElement, html } from 'lit';\n" +
        'class XHello extends LitElement { render() { return html`<p>hello</p>`; } }\n' +
        "customElements.define('x-hello', XHello);\n",
      resolveDir: join(import.meta.dirname, '../packages/web-components'),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

/** Builds the browser bundles and prints their sizes beside Lit's. */
export async function benchWeb(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vtt-web-bench-'));
  try {
    await buildBrowser({ outDir: dir, quiet: true });
    const elements = await gzipOf(dir, await withImports(dir, 'vtt-elements.js'));
    const app = await gzipOf(dir, await withImports(dir, 'vtt-app.js'));
    const onDemand = await gzipOf(dir, ['web-worker-entry.js', 'quickjs.wasm']);
    const lit = await litBaseline();
    const rows: Row[] = [
      {
        name: 'elements + client + Lit (gzip)',
        value: kb(elements),
        baseline: kb(lit),
        unit: 'kB',
        better: 'lower',
      },
      {
        name: 'the app, all it loads (gzip)',
        value: kb(app),
        baseline: kb(lit),
        unit: 'kB',
        better: 'lower',
      },
      {
        name: 'on demand: sandbox worker + QuickJS wasm (gzip)',
        value: kb(onDemand),
        baseline: kb(lit),
        unit: 'kB',
        better: 'lower',
      },
    ];
    printRows('browser download sizes (baseline: one Lit element alone)', rows);
    const met = kb(elements) < BUDGET_KB;
    process.stdout.write(
      `${met ? 'goal met    ' : 'GOAL NOT MET'}  elements + Lit under ${BUDGET_KB} kB gzipped: ${kb(elements).toFixed(1)} kB\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

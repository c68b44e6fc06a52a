/**
 * Where the packages a module may import (`@vtt/sdk`, its subpaths, and
 * `@vtt/core`) live for this CLI, so a module folder anywhere on disk builds
 * and tests against the SDK the CLI ships, with nothing installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** From TypeScript source (this repository's tests), packages resolve to their source too. */
const fromSource = import.meta.url.endsWith('.ts');

/** The packages a module may import (with their subpaths), which this CLI ships. */
export const VTT_PACKAGES = ['@vtt/sdk', '@vtt/core', '@vtt/sandbox'] as const;

type ExportTarget = string | { readonly [condition: string]: ExportTarget };

function pickTarget(target: ExportTarget): string | undefined {
  if (typeof target === 'string') return target;
  for (const condition of fromSource
    ? ['@vtt/source', 'import', 'default']
    : ['import', 'default']) {
    const next = target[condition];
    if (next !== undefined) return pickTarget(next);
  }
  return undefined;
}

/**
 * Absolute file paths of every public entry of the packages modules may
 * import, longest specifier first (for alias lists).
 *
 * @example
 * vttPackageEntries(); // [['@vtt/sdk/testing', '/.../sdk/dist/testing/index.js'], ...]
 */
export function vttPackageEntries(): [specifier: string, file: string][] {
  const entries: [string, string][] = [];
  for (const name of VTT_PACKAGES) {
    const root = dirname(require.resolve(`${name}/package.json`));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, ExportTarget>;
    };
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (subpath.endsWith('package.json')) continue;
      const file = pickTarget(target);
      if (file === undefined || !existsSync(join(root, file))) continue;
      entries.push([subpath === '.' ? name : `${name}/${subpath.slice(2)}`, join(root, file)]);
    }
  }
  return entries.sort((a, b) => b[0].length - a[0].length);
}

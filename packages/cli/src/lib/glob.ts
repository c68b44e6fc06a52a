/**
 * Minimal glob expansion for asset patterns (`assets/**\/*.png`,
 * `assets/logo.png`): `*` matches within one path segment, `**` any number
 * of segments, `?` one character. Patterns are module-relative POSIX paths.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

function toRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

async function walk(root: string, relative: string, out: string[]): Promise<void> {
  const entries = await readdir(join(root, relative), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      await walk(root, path, out);
    } else if (entry.isFile()) out.push(path);
  }
}

/**
 * The files under `root` matching `pattern`, sorted, as module-relative
 * paths. Symlinks and dot-folders are never followed.
 *
 * @example
 * await expandGlob(dir, 'assets/**\/*.webp'); // ['assets/maps/keep.webp', ...]
 */
export async function expandGlob(root: string, pattern: string): Promise<string[]> {
  const base = pattern.split('/').findIndex((segment) => /[*?]/.test(segment));
  const fixed =
    base === -1
      ? pattern.split('/').slice(0, -1).join('/')
      : pattern.split('/').slice(0, base).join('/');
  const files: string[] = [];
  await walk(root, fixed, files);
  const re = toRegExp(pattern);
  return files.filter((file) => re.test(file)).sort();
}

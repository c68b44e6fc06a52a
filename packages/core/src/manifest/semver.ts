/** A parsed semantic version (https://semver.org). Build metadata is dropped. */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Prerelease identifiers, e.g. `['beta', 1]` for `1.0.0-beta.1`; empty for a release. */
  readonly prerelease: ReadonlyArray<string | number>;
}

const NUMBER = '0|[1-9]\\d*';
const IDENT = `(?:${NUMBER}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER = new RegExp(
  `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
);

/**
 * Parses a strict semver version (`1.2.3`, `1.0.0-rc.1`, `1.0.0+build.5`; no
 * `v` prefix, no leading zeros). Returns `undefined` when `text` is not one.
 *
 * @example
 * parseSemver('1.0.0-beta.2'); // { major: 1, minor: 0, patch: 0, prerelease: ['beta', 2] }
 */
export function parseSemver(text: string): SemVer | undefined {
  if (text.length > 256) return undefined;
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined;
  const prerelease = m[4] === undefined ? [] : m[4].split('.').map(toIdentifier);
  return { major, minor, patch, prerelease };
}

function toIdentifier(part: string): string | number {
  return /^\d+$/.test(part) ? Number(part) : part;
}

/**
 * Compares two versions by semver precedence: -1 when `a` is lower, 0 when
 * equal (build metadata ignored), 1 when higher. A prerelease is lower than
 * its release: `1.0.0-rc.1 < 1.0.0`.
 *
 * @example
 * [v('1.0.0'), v('0.9.0')].sort(compareSemver);
 */
export function compareSemver(a: SemVer, b: SemVer): -1 | 0 | 1 {
  const core = compareNumbers(a.major, b.major) || compareNumbers(a.minor, b.minor);
  const main = core || compareNumbers(a.patch, b.patch);
  if (main !== 0) return main;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return compareNumbers(a.prerelease.length === 0 ? 1 : 0, b.prerelease.length === 0 ? 1 : 0);
  }
  const length = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < length; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return compareNumbers(x, y);
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function compareNumbers(a: number, b: number): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Renders a version back to text (without build metadata). */
export function formatSemver(v: SemVer): string {
  const pre = v.prerelease.length > 0 ? `-${v.prerelease.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}`;
}

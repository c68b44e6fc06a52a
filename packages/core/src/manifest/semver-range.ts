import { compareSemver, parseSemver, type SemVer } from './semver.js';

/** The comparison operators a desugared range is made of. */
export const RANGE_OPERATORS = ['<', '<=', '>', '>=', '='] as const;
/** One comparison operator of a range. */
export type RangeOperator = (typeof RANGE_OPERATORS)[number];

/** One comparison, e.g. `>=1.2.0`. */
export interface Comparator {
  readonly operator: RangeOperator;
  readonly version: SemVer;
}

/** A parsed range: alternatives (`||`), each a list of comparators that must all hold. */
export type SemverRange = ReadonlyArray<readonly Comparator[]>;

/** A version that may have missing or wildcard parts (`1`, `1.2`, `1.x`, `*`). */
interface Partial {
  readonly major?: number;
  readonly minor?: number;
  readonly patch?: number;
  readonly prerelease: ReadonlyArray<string | number>;
}

const X = '(?:[xX*]|0|[1-9]\\d*)';
const IDENT = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const PARTIAL = new RegExp(`^(${X})(?:\\.(${X})(?:\\.(${X})(?:-(${IDENT}))?(?:\\+${IDENT})?)?)?$`);
const PRIMITIVE = /^(\^|~>?|[<>]=?|=)?\s*(.*)$/;

/**
 * Parses an npm-style semver range. Supports `^ ~ >= > <= < =`, x-ranges
 * (`1.x`, `1.2.*`, `1`), `*` and `''` (any), hyphen ranges (`1.2 - 2.0.1`),
 * spaces as AND and `||` as OR. `^0.x` follows npm: `^0.2.3` is
 * `>=0.2.3 <0.3.0`, `^0.0.3` is `>=0.0.3 <0.0.4`. Returns `undefined` when
 * `text` is not a range.
 *
 * @example
 * parseSemverRange('^0.1.0'); // [[{ operator: '>=', version: 0.1.0 }, { operator: '<', version: 0.2.0 }]]
 */
export function parseSemverRange(text: string): SemverRange | undefined {
  if (text.length > 256) return undefined;
  const sets: Comparator[][] = [];
  for (const alternative of text.split('||')) {
    const set = parseAlternative(alternative.trim());
    if (!set) return undefined;
    sets.push(set);
  }
  return sets;
}

function parseAlternative(text: string): Comparator[] | undefined {
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
  if (hyphen) return parseHyphen(hyphen[1] ?? '', hyphen[2] ?? '');
  // Glue operators to their version: '>= 1.2.0' is '>=1.2.0'.
  const tokens = text
    .replace(/(\^|~>?|[<>]=?|=)\s+/g, '$1')
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length === 0) return [];
  const out: Comparator[] = [];
  for (const token of tokens) {
    const comparators = parsePrimitive(token);
    if (!comparators) return undefined;
    out.push(...comparators);
  }
  return out;
}

function parsePartial(text: string): Partial | undefined {
  const m = PARTIAL.exec(text);
  if (!m) return undefined;
  const part = (s: string | undefined): number | undefined =>
    s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s);
  const [major, minor, patch] = [part(m[1]), part(m[2]), part(m[3])];
  // '1.x.3' is not a range.
  if (major === undefined && (minor !== undefined || patch !== undefined)) return undefined;
  if (minor === undefined && patch !== undefined) return undefined;
  const prerelease = m[4] === undefined ? [] : parseSemver(`0.0.0-${m[4]}`)?.prerelease;
  if (!prerelease) return undefined;
  return { major, minor, patch, prerelease };
}

function v(major: number, minor = 0, patch = 0, prerelease: Partial['prerelease'] = []): SemVer {
  return { major, minor, patch, prerelease };
}

function c(operator: RangeOperator, version: SemVer): Comparator {
  return { operator, version };
}

/** The lowest version a partial names: `1.2` -> `1.2.0`. */
function floor(p: Partial): SemVer {
  return v(p.major ?? 0, p.minor ?? 0, p.patch ?? 0, p.prerelease);
}

/** The first version above everything a partial names: `1.2` -> `1.3.0`, `1` -> `2.0.0`. */
function ceiling(p: Partial & { major: number }): SemVer {
  return p.minor === undefined ? v(p.major + 1) : v(p.major, p.minor + 1);
}

function parsePrimitive(token: string): Comparator[] | undefined {
  const m = PRIMITIVE.exec(token);
  const op = m?.[1] ?? '';
  const p = parsePartial(m?.[2] ?? '');
  if (!p) return undefined;
  const { major } = p;
  if (major === undefined) return op === '<' || op === '>' ? [c('<', v(0, 0, 0, [0]))] : [];
  const exact = p.minor !== undefined && p.patch !== undefined;
  const bounded = { ...p, major };
  switch (op) {
    case '^':
      return [c('>=', floor(p)), c('<', caretCeiling(bounded))];
    case '~':
    case '~>':
      return [
        c('>=', floor(p)),
        c('<', p.minor === undefined ? v(major + 1) : v(major, p.minor + 1)),
      ];
    case '>':
      return exact ? [c('>', floor(p))] : [c('>=', ceiling(bounded))];
    case '>=':
      return [c('>=', floor(p))];
    case '<':
      return [c('<', floor(p))];
    case '<=':
      return exact ? [c('<=', floor(p))] : [c('<', ceiling(bounded))];
    default:
      return exact ? [c('=', floor(p))] : [c('>=', floor(p)), c('<', ceiling(bounded))];
  }
}

/** `^` allows changes that do not modify the left-most non-zero part. */
function caretCeiling(p: Partial & { major: number }): SemVer {
  if (p.major > 0 || p.minor === undefined) return v(p.major + 1);
  if (p.minor > 0 || p.patch === undefined) return v(0, p.minor + 1);
  return v(0, 0, p.patch + 1);
}

function parseHyphen(from: string, to: string): Comparator[] | undefined {
  const low = parsePartial(from);
  const high = parsePartial(to);
  if (!low || !high) return undefined;
  const out: Comparator[] = [];
  if (low.major !== undefined) out.push(c('>=', floor(low)));
  if (high.major === undefined) return out;
  const exact = high.minor !== undefined && high.patch !== undefined;
  out.push(exact ? c('<=', floor(high)) : c('<', ceiling({ ...high, major: high.major })));
  return out;
}

/**
 * True when `version` satisfies `range`. Prerelease rule (as npm's, kept
 * simple): a prerelease version such as `1.2.0-beta.1` only matches when one
 * comparator of the same `||` alternative names a prerelease of the same
 * `major.minor.patch` (`>=1.2.0-beta.0`); `^1.0.0` never matches
 * `1.2.0-beta.1`. Returns false for an invalid version or range.
 *
 * @example
 * satisfiesRange('0.1.4', '^0.1.0'); // true
 * satisfiesRange('0.2.0', '^0.1.0'); // false: ^0.x pins the minor
 */
export function satisfiesRange(version: string, range: string): boolean {
  const parsed = parseSemver(version);
  const sets = parseSemverRange(range);
  if (!parsed || !sets) return false;
  return sets.some((set) => satisfiesAll(parsed, set));
}

function satisfiesAll(version: SemVer, set: readonly Comparator[]): boolean {
  if (!set.every((comparator) => test(version, comparator))) return false;
  if (version.prerelease.length === 0) return true;
  return set.some(
    ({ version: cv }) =>
      cv.prerelease.length > 0 &&
      cv.major === version.major &&
      cv.minor === version.minor &&
      cv.patch === version.patch,
  );
}

function test(version: SemVer, { operator, version: other }: Comparator): boolean {
  const order = compareSemver(version, other);
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    default:
      return order === 0;
  }
}

/** True when `text` is a range {@link parseSemverRange} accepts. */
export function isSemverRange(text: string): boolean {
  return parseSemverRange(text) !== undefined;
}

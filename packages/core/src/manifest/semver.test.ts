import { describe, expect, it } from 'vitest';
import { compareSemver, formatSemver, parseSemver } from './semver.js';
import { isSemverRange, satisfiesRange } from './semver-range.js';

describe('parseSemver', () => {
  it.each([
    '1.0.0',
    '0.1.0',
    '10.20.30',
    '1.0.0-beta.1',
    '1.0.0-0.3.7',
    '1.0.0+build.5',
    '1.0.0-rc.1+b',
  ])('accepts %s', (text) => {
    expect(parseSemver(text)).toBeDefined();
  });
  it.each(['1', '1.0', 'v1.0.0', '01.0.0', '1.0.0-', '1.0.0-01', '1.0.0.0', ' 1.0.0', ''])(
    'refuses %s',
    (text) => {
      expect(parseSemver(text)).toBeUndefined();
    },
  );
  it('round-trips without build metadata', () => {
    expect(formatSemver(parseSemver('1.2.3-beta.4+abc')!)).toBe('1.2.3-beta.4');
  });
});

describe('compareSemver', () => {
  it('orders by semver precedence', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.1.0',
      '2.0.0',
    ];
    const shuffled = [...ordered].reverse().map((t) => parseSemver(t)!);
    expect(shuffled.sort(compareSemver).map(formatSemver)).toEqual(ordered);
  });
  it('ignores build metadata', () => {
    expect(compareSemver(parseSemver('1.0.0+a')!, parseSemver('1.0.0+b')!)).toBe(0);
  });
});

describe('satisfiesRange', () => {
  const table: Array<[range: string, version: string, expected: boolean]> = [
    // caret, including ^0.x semantics
    ['^1.2.3', '1.2.3', true],
    ['^1.2.3', '1.9.0', true],
    ['^1.2.3', '2.0.0', false],
    ['^1.2.3', '1.2.2', false],
    ['^0.1.0', '0.1.0', true],
    ['^0.1.0', '0.1.9', true],
    ['^0.1.0', '0.2.0', false],
    ['^0.0.3', '0.0.3', true],
    ['^0.0.3', '0.0.4', false],
    ['^0.x', '0.9.9', true],
    ['^0.x', '1.0.0', false],
    ['^0', '0.5.0', true],
    ['^0.0', '0.0.9', true],
    ['^0.0', '0.1.0', false],
    ['^1.x', '1.5.0', true],
    // tilde
    ['~1.2.3', '1.2.9', true],
    ['~1.2.3', '1.3.0', false],
    ['~1.2', '1.2.0', true],
    ['~1', '1.9.0', true],
    ['~1', '2.0.0', false],
    // primitives
    ['>=1.2.0', '1.2.0', true],
    ['>1.2.0', '1.2.0', false],
    ['>1.2', '1.2.9', false],
    ['>1.2', '1.3.0', true],
    ['<2', '1.99.0', true],
    ['<2', '2.0.0', false],
    ['<=1.2', '1.2.9', true],
    ['<=1.2', '1.3.0', false],
    ['=1.2.3', '1.2.3', true],
    ['1.2.3', '1.2.4', false],
    ['>= 1.0.0 < 2.0.0', '1.5.0', true],
    // x-ranges and *
    ['1.x', '1.4.2', true],
    ['1.x', '2.0.0', false],
    ['1.2.*', '1.2.7', true],
    ['1.2.X', '1.3.0', false],
    ['*', '0.0.1', true],
    ['', '3.0.0', true],
    ['1', '1.9.9', true],
    // hyphen ranges
    ['1.2.3 - 2.3.4', '2.3.4', true],
    ['1.2.3 - 2.3.4', '2.3.5', false],
    ['1.2 - 2.3', '2.3.9', true],
    ['1.2 - 2.3', '1.1.9', false],
    ['1.2.3 - 2', '2.9.0', true],
    // AND and OR
    ['>=1.0.0 <1.5.0', '1.5.0', false],
    ['^0.1.0 || ^1.0.0', '1.3.0', true],
    ['^0.1.0 || ^1.0.0', '0.3.0', false],
    ['<1.0.0 || >=3', '2.0.0', false],
    // prerelease rule
    ['^1.0.0', '1.2.0-beta.1', false],
    ['>=1.2.0-beta.0', '1.2.0-beta.1', true],
    ['>=1.2.0-beta.0', '1.3.0-beta.1', false],
    ['>=1.2.0-beta.0', '1.3.0', true],
    ['<2.0.0', '2.0.0-rc.1', false],
    ['^1.0.0-rc.1', '1.0.0', true],
    ['*', '1.0.0-alpha', false],
  ];
  it.each(table)('%s matches %s: %s', (range, version, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it('is false for an invalid version or range', () => {
    expect(satisfiesRange('1.0', '*')).toBe(false);
    expect(satisfiesRange('1.0.0', '>>1')).toBe(false);
  });
});

describe('isSemverRange', () => {
  it.each(['^0.1.0', '~1.2', '>=1.2.0 <2.0.0', '1.x', '*', '1.2.3 - 2.3.4', '^1 || ^2', 'x'])(
    'accepts %s',
    (range) => {
      expect(isSemverRange(range)).toBe(true);
    },
  );
  it.each(['>>1', '^', '1.x.3', 'x.1', 'latest', '^1.0.0-01', '1.2.3 -', 'v1.0.0', '1 2 junk'])(
    'refuses %s',
    (range) => {
      expect(isSemverRange(range)).toBe(false);
    },
  );
});

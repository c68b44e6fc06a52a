import { describe, expect, it } from 'vitest';
import { findUnsafePattern, MAX_PATTERN_LENGTH } from './regex-safety.js';

describe('findUnsafePattern', () => {
  it.each([
    '(a+)+',
    '^(a*)*$',
    '(\\w+\\s?)*',
    '((ab)+c){2,}',
    '(x+){2}',
    '(?:[a-z]+\\d)+',
    '((a+))+',
    '(\\d{1,3})+',
  ])('flags nested repetition in %s', (pattern) => {
    expect(findUnsafePattern(pattern)).toMatch(/backtracking/);
  });
  it.each([
    '^[a-z]+$',
    '^(ab)+$',
    '^\\d{1,3}(\\.\\d{1,3}){3}$',
    '(a+)?',
    '[(a+)]+',
    '\\(a+\\)+',
    '(a|b)*c',
  ])('lets %s through', (pattern) => {
    expect(findUnsafePattern(pattern)).toBeUndefined();
  });
  it('refuses patterns over the length limit', () => {
    expect(findUnsafePattern('a'.repeat(MAX_PATTERN_LENGTH + 1))).toMatch(/limit/);
    expect(findUnsafePattern('a'.repeat(MAX_PATTERN_LENGTH))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { closestMatch } from './closest-match.js';

describe('closestMatch', () => {
  it('suggests a likely typo', () => {
    expect(closestMatch('verison', ['id', 'name', 'version'])).toBe('version');
    expect(closestMatch('hpp', ['hp', 'ac'])).toBe('hp');
  });

  it('suggests nothing for a short word that shares no letter with any candidate', () => {
    expect(closestMatch('ac', ['hp', 'id'])).toBeUndefined();
    expect(closestMatch('x', ['y'])).toBeUndefined();
  });
});

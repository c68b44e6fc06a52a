import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@vtt/core';
import { renderErrorsDoc } from '../../scripts/errors-doc.js';

describe('docs/reference/errors.md', () => {
  it('is up to date with the error table (run `npm run docs:errors` if not)', () => {
    const onDisk = readFileSync(new URL('../../docs/reference/errors.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderErrorsDoc());
  });

  it('lists every code with a fix, and every code follows VTT_ERR_<AREA>_<WHAT>', () => {
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^VTT_ERR_[A-Z]+_[A-Z0-9_]+$/);
      expect(spec.fix.length).toBeGreaterThan(10);
    }
  });
});

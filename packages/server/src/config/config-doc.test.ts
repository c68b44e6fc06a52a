/**
 * docs/operations/configuration.md lists every setting the server reads,
 * with its environment variable and default as the code has them: a
 * setting added, renamed or given another default fails here until the
 * page says so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isVttError } from '@vtt/core';
import { describe, expect, it } from 'vitest';
import { CONFIG_ENV, DEFAULT_CONFIG, resolveConfig } from './server-config.js';

const page = readFileSync(
  fileURLToPath(new URL('../../../../docs/operations/configuration.md', import.meta.url)),
  'utf8',
);

/** The table rows of the page, by their first cell's setting name. */
const rows = new Map(
  page
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '').trim());
      return [cells[0]!.replaceAll('`', ''), cells] as const;
    }),
);

describe('the configuration reference', () => {
  it('lists every setting once, and nothing the server does not read', () => {
    const documented = [...rows.keys()].filter((name) => !name.startsWith('VTT_'));
    expect(documented.sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
  });

  it("gives each setting's environment variable and default as the code has them", () => {
    for (const [key, value] of Object.entries(DEFAULT_CONFIG)) {
      const cells = rows.get(key)!;
      const env = (CONFIG_ENV as Record<string, string | undefined>)[key];
      if (env !== undefined) expect(cells, key).toContain(`\`${env}\``);
      const text = cells.join(' | ');
      if (typeof value === 'number' || typeof value === 'string')
        expect(text, key).toContain(`\`${String(value)}\``);
    }
  });

  it('shows the error a bad value really gives', () => {
    let message = '';
    try {
      resolveConfig({ port: '80a' });
    } catch (error) {
      if (isVttError(error)) message = `error ${error.code}: ${error.message}`;
    }
    expect(page).toContain(message);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCliDoc } from '../../scripts/cli-doc.js';

describe('docs/reference/cli.md', () => {
  it('is up to date with the command definitions (run `npm run docs:cli` if not)', () => {
    const onDisk = readFileSync(new URL('../../docs/reference/cli.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderCliDoc());
  });

  it('documents every command with examples', () => {
    const doc = renderCliDoc();
    expect(doc).toContain('## vtt roll');
    expect(doc).toContain('Examples:');
  });
});

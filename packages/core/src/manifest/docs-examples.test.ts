import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateModuleData } from './validate-module-data.js';

/** The ```json <file> blocks of docs/reference/manifest.md, parsed, by file name. */
function docExamples(): Record<string, unknown> {
  const doc = readFileSync(
    new URL('../../../../docs/reference/manifest.md', import.meta.url),
    'utf8',
  );
  const files: Record<string, unknown> = {};
  for (const match of doc.matchAll(/```json (\S+)\n([\s\S]*?)```/g)) {
    files[match[1] ?? ''] = JSON.parse(match[2] ?? '');
  }
  return files;
}

describe('docs/reference/manifest.md', () => {
  it('shows a complete module that validates without errors or warnings', () => {
    const { 'vtt-module.json': manifest, ...files } = docExamples();
    expect(Object.keys(files).sort()).toEqual([
      'packs/spells.json',
      'packs/tables.json',
      'sheets/character.json',
    ]);
    const result = validateModuleData({ manifest, files });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

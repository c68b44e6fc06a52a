import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateModuleData } from '@vtt/core';
import { describe, expect, it } from '@vtt/sdk/testing';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(`${root}${path}`, 'utf8'));

describe('the module data (what `vtt validate` checks)', () => {
  const manifest = readJson('vtt-module.json') as {
    sheets: { path: string }[];
    compendium: { path: string }[];
  };
  const paths = [...manifest.sheets, ...manifest.compendium].map((entry) => entry.path);
  const files = Object.fromEntries(paths.map((path) => [path, readJson(path)]));

  it('has a valid manifest, sheets and compendium packs', () => {
    const { errors, warnings } = validateModuleData({ manifest, files });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

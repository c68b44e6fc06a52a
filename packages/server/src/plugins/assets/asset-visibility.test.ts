import { createTableState } from '@vtt/core';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../config/server-config.js';
import { VisibleAssetCache, assetIdsIn } from './asset-visibility.js';
import { declaredType, detectType } from './image-type.js';

const ID = '0b9f2c1e-7d4a-4f3b-9c2d-5e6f7a8b9c0d';

describe('asset references', () => {
  it('finds asset ids in bare ids, URLs and Markdown, and nothing in other text', () => {
    expect(assetIdsIn(ID)).toEqual([ID]);
    expect(assetIdsIn(`![door](/api/campaigns/c1/assets/${ID.toUpperCase()}/thumb)`)).toEqual([ID]);
    expect(assetIdsIn('https://example.com/goblin.png')).toEqual([]);
    expect(assetIdsIn(null)).toEqual([]);
  });
});

describe('the visible-asset cache', () => {
  it('works a view out once per (campaign, seq, user)', () => {
    const state = createTableState({ campaignId: 'c1', name: 'Tomb', gmUserId: 'u-gm', seed: 1 });
    const cache = new VisibleAssetCache(8);
    for (let i = 0; i < 50; i++) cache.get(state, 'c1', 'u-gm');
    expect(cache.computed).toBe(1);
    cache.get({ ...state, seq: state.seq + 1 }, 'c1', 'u-gm');
    cache.get(state, 'c1', 'u-other');
    expect(cache.computed).toBe(3);
  });
});

describe('image types', () => {
  it('reads the type from the bytes and the claim from the type, then the name', () => {
    expect(detectType(Buffer.from('GIF89a....')).kind).toBe('image');
    expect(detectType(Buffer.from('%PDF-1.7')).label).toBe('a PDF document');
    expect(detectType(Buffer.from('  <svg xmlns="http://www.w3.org/2000/svg"/>')).kind).toBe('svg');
    expect(declaredType('application/octet-stream', 'map.JPG')).toBe('image/jpeg');
    expect(declaredType('application/octet-stream', 'map')).toBeNull();
  });

  it('takes the upload limits from the environment', () => {
    const config = resolveConfig(
      {},
      { VTT_MAX_UPLOAD_BYTES: '1048576', VTT_MAX_IMAGE_PIXELS: '4096' },
    );
    expect([config.maxUploadBytes, config.maxImagePixels]).toEqual([1048576, 4096]);
  });
});

import type { Item } from '@vtt/sdk';
import { describe, expect, it } from '@vtt/sdk/testing';
import { readStats, type Actor } from './actor-data.js';
import { augment } from './stats.js';
import { GANGER_DATA } from './test-support.js';

const implant = (id: string, data: Record<string, unknown>): Item => ({
  id,
  name: id,
  type: 'cyberware',
  image: null,
  data: { category: 'bodyware', grade: 'standard', ...data } as Item['data'],
  actorId: 'a',
  sort: 1,
  source: null,
  author: 'gm',
  flags: {},
});

const troll = (attributes: Record<string, number>) =>
  readStats({
    id: 'a',
    name: 'A',
    type: 'npc',
    data: {
      ...GANGER_DATA,
      metatype: 'troll',
      attributes: { ...GANGER_DATA.attributes, ...attributes },
    },
  } as unknown as Actor);

describe('augment', () => {
  it("never raises an attribute past the metatype's natural maximum + 4", () => {
    // A troll's Agility tops out at 5 (9 augmented): a GM's Agility 8 goes to 9, not 12.
    const stats = augment(troll({ agility: 8 }), [
      implant('m', { essenceCost: 4, attributes: { agility: 4 } }),
    ]);
    expect(stats.attributes.agility).toBe(9);
    expect(stats.capped).toEqual(['agility']);
    // Strength's maximum is 10: 8 + 4 = 12 (10 + 4 = 14) is not capped.
    const strong = augment(troll({ strength: 8 }), [
      implant('m', { essenceCost: 4, attributes: { strength: 4 } }),
    ]);
    expect(strong).toMatchObject({ capped: [], attributes: { strength: 12 } });
  });

  it('stops Essence at 0 and Magic at 0, and leaves the mundane without Magic', () => {
    const heavy = [implant('a', { essenceCost: 5 }), implant('b', { essenceCost: 3 })];
    const adept = augment(troll({ magic: 4 }), heavy);
    expect(adept).toMatchObject({ essence: 0, attributes: { magic: 0 } });
    expect(augment(troll({}), heavy).attributes.magic).toBe(0);
  });

  it('ignores items of other types and counts one initiative die with no implants', () => {
    const gun = { ...implant('g', {}), type: 'weapon', data: { skill: 'pistols' } } as Item;
    expect(augment(troll({}), [gun])).toMatchObject({ essence: 6, armor: 0, initiativeDice: 1 });
  });
});

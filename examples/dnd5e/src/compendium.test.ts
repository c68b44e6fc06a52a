import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createCompendiumIndex,
  getCompendiumEntry,
  searchCompendium,
  type CompendiumEntry,
  type CompendiumReference,
} from '@vtt/core';
import { describe, expect, it } from '@vtt/sdk/testing';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(`${root}${path}`, 'utf8'));
const manifest = readJson('vtt-module.json') as { id: string; compendium: CompendiumReference[] };
const packs = manifest.compendium.map((pack) => ({
  module: manifest.id,
  pack,
  entries: readJson(pack.path) as CompendiumEntry[],
}));
const index = createCompendiumIndex(packs);
const entriesOf = (id: string) => packs.find((p) => p.pack.id === id)!.entries;

describe('the SRD 5.1 compendium', () => {
  // manifest.test.ts validates the packs against the item and actor types.
  it('holds the SRD slice the module promises', () => {
    expect(entriesOf('srd-monsters').length).toBeGreaterThanOrEqual(50);
    expect(entriesOf('srd-spells').length).toBeGreaterThanOrEqual(50);
    expect(entriesOf('srd-weapons')).toHaveLength(37);
    expect(entriesOf('srd-armor')).toHaveLength(13);
    expect(entriesOf('srd-gear')).toHaveLength(33);
  });

  it('finds "goblin" and "longsword" first', () => {
    const goblin = searchCompendium(index, { text: 'goblin' });
    expect(goblin.entries[0]).toMatchObject({ pack: 'srd-monsters', id: 'goblin', type: 'npc' });
    expect(goblin.entries.map((r) => r.id)).toEqual(
      expect.arrayContaining(['hobgoblin', 'bugbear']), // substring, tag 'goblinoid'
    );
    const sword = searchCompendium(index, { text: 'Longsword' });
    expect(sword.entries[0]).toMatchObject({ pack: 'srd-weapons', id: 'longsword' });
    expect(
      searchCompendium(index, { text: 'fire', documentType: 'item', type: 'spell' }).entries[0],
    ).toMatchObject({
      id: 'fire-bolt',
    });
  });

  it('filters by tags: creature type, CR, school, weapon category', () => {
    const undead = searchCompendium(index, { tags: ['undead', 'cr-1/4'], limit: 100 });
    expect(undead.entries.map((r) => r.id)).toEqual(['skeleton', 'zombie']);
    const martialRanged = searchCompendium(index, { tags: ['martial ranged'] });
    expect(martialRanged.entries.map((r) => r.id)).toEqual([
      'blowgun',
      'hand-crossbow',
      'heavy-crossbow',
      'longbow',
      'net',
    ]);
    const evocation3 = searchCompendium(index, { tags: ['evocation', 'level-3'] });
    expect(evocation3.entries.map((r) => r.id)).toEqual([
      'fireball',
      'lightning-bolt',
      'mass-healing-word',
    ]);
  });

  it('carries fireball and plate as the SRD has them', () => {
    const fireball = getCompendiumEntry(index, {
      module: 'dnd5e',
      pack: 'srd-spells',
      id: 'fireball',
    });
    expect(fireball?.data).toMatchObject({
      level: 3,
      school: 'evocation',
      range: '150 feet',
      components: ['V', 'S', 'M'],
      save: 'dex',
      damage: '8d6[fire]',
      saveEffect: 'half',
      area: { shape: 'sphere', size: 20 },
      concentration: false,
    });
    const plate = getCompendiumEntry(index, { module: 'dnd5e', pack: 'srd-armor', id: 'plate' });
    expect(plate?.data).toMatchObject({
      category: 'heavy',
      ac: 18,
      strength: 15,
      stealthDisadvantage: true,
    });
  });

  it("embeds each monster's attacks as weapon items with the same name, dice and ability", () => {
    for (const monster of entriesOf('srd-monsters')) {
      const attacks = (monster.data['attacks'] ?? []) as {
        name: string;
        damage: string;
        ability?: string;
      }[];
      expect(monster.items?.map((item) => item.name)).toEqual(attacks.map((a) => a.name));
      monster.items?.forEach((item, i) => {
        expect(item.type).toBe('weapon');
        expect(item.data['damage']).toBe(attacks[i]!.damage);
        expect(item.data['ability']).toBe(attacks[i]!.ability);
      });
    }
  });
});

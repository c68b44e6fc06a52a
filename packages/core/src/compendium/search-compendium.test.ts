import { describe, expect, it } from 'vitest';
import { isVttError } from '../errors/vtt-error.js';
import type { CompendiumReference } from '../manifest/manifest-types.js';
import type { CompendiumEntry } from '../manifest/validate-compendium.js';
import { createCompendiumIndex, getCompendiumEntry } from './compendium-index.js';
import { searchCompendium, type CompendiumQuery } from './search-compendium.js';
import { foldText } from './search-text.js';

const ref = (id: string, documentType: 'actor' | 'item', type: string): CompendiumReference => ({
  id,
  label: id,
  documentType,
  type,
  path: `packs/${id}.json`,
});

const entry = (id: string, name: string, type: string, tags?: string[]): CompendiumEntry => ({
  id,
  name,
  type,
  data: {},
  ...(tags === undefined ? {} : { tags }),
});

function fixture() {
  return createCompendiumIndex([
    {
      module: 'fantasy',
      pack: ref('weapons', 'item', 'weapon'),
      entries: [
        entry('longsword', 'Longsword', 'weapon', ['martial', 'melee']),
        entry('longbow', 'Longbow', 'weapon', ['martial', 'ranged']),
        entry('shortsword', 'Shortsword', 'weapon', ['martial', 'melee']),
        entry('sword-of-long', 'Sword of the Long Night', 'weapon', ['magic']),
        entry('club', 'Club', 'weapon', ['simple', 'melee']),
      ],
    },
    {
      module: 'fantasy',
      pack: ref('monsters', 'actor', 'npc'),
      entries: [
        entry('goblin', 'Goblin', 'npc', ['humanoid', 'goblinoid', 'cr-1/4']),
        entry('goblin-boss', 'Goblin Boss', 'npc', ['humanoid', 'goblinoid', 'cr-1']),
        entry('hobgoblin', 'Hobgoblin', 'npc', ['humanoid', 'goblinoid', 'cr-1/2']),
        entry('bugbear', 'Bugbear', 'npc', ['humanoid', 'goblinoid', 'cr-1']),
        entry('dark-elf', 'Drow Élite', 'npc', ['humanoid', 'Elf']),
        entry('zombie', 'Zombie', 'npc', ['undead', 'cr-1/4']),
      ],
    },
    {
      module: 'addon',
      pack: ref('monsters', 'actor', 'npc'),
      entries: [entry('goblin', 'Goblin', 'npc', ['humanoid'])],
    },
  ]);
}

const names = (query: CompendiumQuery) =>
  searchCompendium(fixture(), query).entries.map((r) => `${r.module}:${r.id}`);

describe('foldText', () => {
  it('folds case, accents and blanks', () => {
    expect(foldText('  ÉLITE   Çhâteau ')).toBe('elite chateau');
  });
});

describe('searchCompendium', () => {
  it('ranks exact name > name prefix > word prefix > tag > substring, ties by name', () => {
    expect(names({ text: 'goblin' })).toEqual([
      'addon:goblin', // exact, then by module at equal names
      'fantasy:goblin',
      'fantasy:goblin-boss', // name prefix
      'fantasy:bugbear', // tag 'goblinoid'
      'fantasy:hobgoblin', // substring
    ]);
    expect(names({ text: 'long' })).toEqual([
      'fantasy:longbow', // name prefixes, by name
      'fantasy:longsword',
      'fantasy:sword-of-long', // word prefix
    ]);
  });

  it('matches every query word by prefix of a name word or a tag', () => {
    expect(names({ text: 'long night' })).toEqual(['fantasy:sword-of-long']);
    expect(names({ text: 'boss gob' })).toEqual(['fantasy:goblin-boss']);
    expect(names({ text: 'martial ranged' })).toEqual(['fantasy:longbow']);
    expect(names({ text: 'word' })).toEqual([
      'fantasy:longsword', // substrings only, by name
      'fantasy:shortsword',
      'fantasy:sword-of-long',
    ]);
    expect(names({ text: 'dragon' })).toEqual([]);
  });

  it('is case- and accent-insensitive for names, tags and queries', () => {
    expect(names({ text: 'drow elite' })).toEqual(['fantasy:dark-elf']);
    expect(names({ text: 'ÉLITE' })).toEqual(['fantasy:dark-elf']);
    expect(names({ text: 'elf' })).toEqual(['fantasy:dark-elf']);
    expect(names({ tags: ['elf'] })).toEqual(['fantasy:dark-elf']);
  });

  it('filters by document type, type, pack, module and whole tags', () => {
    expect(names({ documentType: 'item', text: 'sword' })).toEqual([
      'fantasy:sword-of-long',
      'fantasy:longsword',
      'fantasy:shortsword',
    ]);
    expect(names({ type: 'npc', tags: ['cr-1/4'] })).toEqual(['fantasy:goblin', 'fantasy:zombie']);
    expect(names({ tags: ['cr-1'] })).toEqual(['fantasy:bugbear', 'fantasy:goblin-boss']);
    expect(names({ pack: 'monsters', module: 'addon' })).toEqual(['addon:goblin']);
    expect(names({ tags: ['melee', 'martial'] })).toEqual([
      'fantasy:longsword',
      'fantasy:shortsword',
    ]);
  });

  it('returns everything in name order without text, and pages with the total', () => {
    const all = searchCompendium(fixture(), {});
    expect(all.total).toBe(12);
    expect(all.entries.map((r) => r.name)).toEqual([...all.entries.map((r) => r.name)].sort());
    const page = searchCompendium(fixture(), { text: 'goblin', limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.entries.map((r) => r.id)).toEqual(['goblin-boss', 'bugbear']);
    expect(searchCompendium(fixture(), { text: 'goblin', offset: 9 }).entries).toEqual([]);
  });

  it('returns refs, and the full entry behind a ref', () => {
    const index = fixture();
    const [first] = searchCompendium(index, { text: 'bugbear' }).entries;
    expect(first).toEqual({
      module: 'fantasy',
      pack: 'monsters',
      id: 'bugbear',
      name: 'Bugbear',
      type: 'npc',
      documentType: 'actor',
      tags: ['humanoid', 'goblinoid', 'cr-1'],
    });
    expect(getCompendiumEntry(index, first!)?.name).toBe('Bugbear');
    expect(getCompendiumEntry(index, { module: 'x', pack: 'monsters', id: 'bugbear' })).toBe(
      undefined,
    );
  });

  it('refuses bad queries with a coded error naming the field', () => {
    const fieldOf = (query: unknown): unknown => {
      try {
        searchCompendium(fixture(), query as CompendiumQuery);
      } catch (error) {
        if (isVttError(error)) return [error.code, error.params['field']];
      }
      return 'accepted';
    };
    const invalid = 'VTT_ERR_COMPENDIUM_QUERY_INVALID';
    expect(fieldOf({ limit: 0 })).toEqual([invalid, 'limit']);
    expect(fieldOf({ limit: 1001 })).toEqual([invalid, 'limit']);
    expect(fieldOf({ offset: -1 })).toEqual([invalid, 'offset']);
    expect(fieldOf({ offset: 1.5 })).toEqual([invalid, 'offset']);
    expect(fieldOf({ text: 'x'.repeat(201) })).toEqual([invalid, 'text']);
    expect(fieldOf({ text: 3 })).toEqual([invalid, 'text']);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(fieldOf({ text: words(31) })).toEqual([invalid, 'text']);
    expect(fieldOf({ text: words(30) })).toBe('accepted');
    expect(fieldOf({ tags: 'undead' })).toEqual([invalid, 'tags']);
    expect(fieldOf({ documentType: 'scene' })).toEqual([invalid, 'documentType']);
    expect(fieldOf({ type: 5 })).toEqual([invalid, 'type']);
    expect(fieldOf(null)).toEqual([invalid, 'query']);
    expect(fieldOf({ limit: 1000, offset: 0 })).toBe('accepted');
  });
});

describe('createCompendiumIndex', () => {
  const codeOf = (build: () => unknown): unknown => {
    try {
      build();
    } catch (error) {
      if (isVttError(error)) return error.code;
    }
    return 'built';
  };

  it('refuses a pack given twice and a repeated entry id', () => {
    const pack = ref('weapons', 'item', 'weapon');
    const club = entry('club', 'Club', 'weapon');
    expect(
      codeOf(() =>
        createCompendiumIndex([
          { module: 'm', pack, entries: [club] },
          { module: 'm', pack, entries: [] },
        ]),
      ),
    ).toBe('VTT_ERR_COMPENDIUM_DUPLICATE_PACK');
    expect(
      codeOf(() => createCompendiumIndex([{ module: 'm', pack, entries: [club, club] }])),
    ).toBe('VTT_ERR_COMPENDIUM_DUPLICATE_ENTRY');
    expect(
      codeOf(() =>
        createCompendiumIndex([
          { module: 'm', pack, entries: [club] },
          { module: 'n', pack, entries: [club] },
        ]),
      ),
    ).toBe('built');
  });
});

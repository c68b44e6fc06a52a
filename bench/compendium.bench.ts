/**
 * Compendium search: building the index over 2,000 entries and searching it
 * ("goblin", "longsword", a prefix, a tag filter), beside a naive baseline in
 * the same run: lower-casing every name, and a plain `filter` on lower-cased
 * names with no ranking, no accents folding and no tags.
 */
import {
  createCompendiumIndex,
  createRng,
  searchCompendium,
  type CompendiumEntry,
  type CompendiumPackInput,
} from '@vtt/core';
import { measure, printRows } from './harness.js';

const ENTRIES = 2000;
const WORDS = ['dire', 'ancient', 'young', 'shadow', 'frost', 'iron', 'elder', 'swamp', 'giant'];
const NOUNS = ['wolf', 'dragon', 'troll', 'knight', 'spider', 'golem', 'wyrm', 'hag', 'sword'];
const TAGS = ['undead', 'beast', 'fiend', 'humanoid', 'martial', 'simple', 'evocation', 'cr-1'];

/** Seeded synthetic packs, plus the two entries searched for. */
function packs(): CompendiumPackInput[] {
  const rng = createRng(2026);
  const pick = <T>(list: readonly T[]): T => list[rng.nextUint32() % list.length]!;
  const make = (type: string, count: number): CompendiumEntry[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `${type}-${i}`,
      name: `${pick(WORDS)} ${pick(NOUNS)} ${i}`.replace(/^./, (c) => c.toUpperCase()),
      type,
      data: {},
      tags: [pick(TAGS), pick(TAGS)].filter((t, j, all) => all.indexOf(t) === j),
    }));
  const monsters = make('npc', ENTRIES / 2);
  monsters.push({ id: 'goblin', name: 'Goblin', type: 'npc', data: {}, tags: ['humanoid'] });
  const weapons = make('weapon', ENTRIES / 2);
  weapons.push({ id: 'longsword', name: 'Longsword', type: 'weapon', data: {}, tags: ['martial'] });
  const pack = (id: string, documentType: 'actor' | 'item', type: string) => ({
    id,
    label: id,
    documentType,
    type,
    path: `packs/${id}.json`,
  });
  return [
    { module: 'bench', pack: pack('monsters', 'actor', 'npc'), entries: monsters },
    { module: 'bench', pack: pack('weapons', 'item', 'weapon'), entries: weapons },
  ];
}

/** Runs the compendium benchmarks and prints their tables. */
export function benchCompendium(): void {
  const input = packs();
  const all = input.flatMap((p) => p.entries);
  let sink = 0;
  printRows(
    `compendium: index builds per second over ${all.length} entries (baseline: lower-case every name)`,
    [
      {
        name: 'createCompendiumIndex',
        value: measure(() => void (sink += createCompendiumIndex(input).entries.length), {
          rounds: 3,
        }).perSecond,
        baseline: measure(() => void (sink += all.map((e) => e.name.toLowerCase()).length))
          .perSecond,
        unit: 'builds/s',
        better: 'higher',
      },
    ],
  );
  const index = createCompendiumIndex(input);
  const naive = (text: string) => () => {
    const q = text.toLowerCase();
    sink += all.filter((e) => e.name.toLowerCase().includes(q)).length;
  };
  const cases = [
    ['goblin', { text: 'goblin' }],
    ['longsword', { text: 'longsword' }],
    ['prefix "dra"', { text: 'dra' }],
    ['two words "frost wy"', { text: 'frost wy' }],
    ['tag filter + text', { text: 'dragon', tags: ['undead'], type: 'npc' }],
  ] as const;
  printRows(
    `compendium: searches per second over ${all.length} entries (baseline: naive filter on lower-cased names, no ranking)`,
    cases.map(([name, query]) => ({
      name,
      value: measure(() => void (sink += searchCompendium(index, query).total)).perSecond,
      baseline: measure(naive(query.text)).perSecond,
      unit: 'searches/s',
      better: 'higher' as const,
    })),
  );
  if (sink === -1) process.stdout.write(''); // keep the results alive
}

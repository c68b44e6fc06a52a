import { VttError } from '../errors/vtt-error.js';
import type { CompendiumReference, PackDocumentType } from '../manifest/manifest-types.js';
import type { CompendiumEntry } from '../manifest/validate-compendium.js';
import { ROLL_TABLE_ENTRY_TYPE } from './roll-table-entry.js';
import { foldText, wordsOf } from './search-text.js';

/** One pack given to {@link createCompendiumIndex}: its manifest reference and parsed entries. */
export interface CompendiumPackInput {
  /** The id of the module that declares the pack, e.g. `'dnd5e'`. */
  readonly module: string;
  /** The pack's entry in the manifest's `compendium` list. */
  readonly pack: CompendiumReference;
  /** The pack file's entries, already validated (`validateCompendiumEntries`). */
  readonly entries: readonly CompendiumEntry[];
}

/** What a search returns for one entry: enough to list it and to import it. */
export interface CompendiumRef {
  readonly module: string;
  /** The pack id. */
  readonly pack: string;
  /** The entry id, unique in its pack. */
  readonly id: string;
  readonly name: string;
  /** The actor or item type; `'rollTable'` for a roll table. */
  readonly type: string;
  readonly documentType: PackDocumentType;
  readonly tags: readonly string[];
}

/** One indexed entry: its ref, its entry, and the folded forms searched. */
export interface IndexedEntry {
  readonly ref: CompendiumRef;
  readonly entry: CompendiumEntry;
  /** Position in name order, the tie-break of equal ranks. */
  readonly order: number;
  readonly foldedName: string;
  readonly foldedTags: readonly string[];
}

/**
 * A built, immutable search index over compendium packs; create it with
 * {@link createCompendiumIndex}, query it with `searchCompendium`. Besides
 * the entries it holds a sorted word list (the words of every name and tag,
 * each with its entry) so word-prefix matches are a binary search, and the
 * folded names in one flat array for the substring pass.
 */
export interface CompendiumIndex {
  /** Every entry, sorted by name (folded, then as written, then module, pack, id). */
  readonly entries: readonly IndexedEntry[];
  /** Entries by `module/pack/id`. */
  readonly byKey: ReadonlyMap<string, IndexedEntry>;
  /** `entries[i].foldedName`, as one flat array. */
  readonly foldedNames: readonly string[];
  /** Every word of every name and tag, sorted; `wordOrders[i]` is its entry's order. */
  readonly words: readonly string[];
  readonly wordOrders: Int32Array;
  /** 1 when `words[i]` comes from the name, 0 when from a tag. */
  readonly wordInName: Uint8Array;
}

const keyOf = (module: string, pack: string, id: string): string =>
  `${module}\u0000${pack}\u0000${id}`;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the search index of compendium packs: folds every name and tag
 * (case and accents), sorts the entries by name once, and lists every word
 * of names and tags in sorted order, so a search finds word prefixes by
 * binary search and scans only the flat array of names for substrings.
 * Throws `VTT_ERR_COMPENDIUM_DUPLICATE_PACK` when a module's pack is given
 * twice and `VTT_ERR_COMPENDIUM_DUPLICATE_ENTRY` on a repeated entry id.
 *
 * @example
 * const index = createCompendiumIndex(
 *   manifest.compendium.map((pack) => ({ module: manifest.id, pack, entries: files[pack.path] })),
 * );
 * searchCompendium(index, { text: 'goblin' }).entries[0]?.id; // 'goblin'
 */
export function createCompendiumIndex(packs: readonly CompendiumPackInput[]): CompendiumIndex {
  const seenPacks = new Set<string>();
  const byKey = new Map<string, IndexedEntry>();
  const built: Omit<IndexedEntry, 'order'>[] = [];
  for (const { module, pack, entries } of packs) {
    const packKey = keyOf(module, pack.id, '');
    if (seenPacks.has(packKey)) {
      throw new VttError('VTT_ERR_COMPENDIUM_DUPLICATE_PACK', { module, pack: pack.id });
    }
    seenPacks.add(packKey);
    const ids = new Set<string>();
    for (const entry of entries) {
      if (ids.has(entry.id)) {
        throw new VttError('VTT_ERR_COMPENDIUM_DUPLICATE_ENTRY', {
          module,
          pack: pack.id,
          id: entry.id,
        });
      }
      ids.add(entry.id);
      const tags = entry.tags ?? [];
      const foldedName = foldText(entry.name);
      built.push({
        ref: {
          module,
          pack: pack.id,
          id: entry.id,
          name: entry.name,
          type: pack.documentType === 'rollTable' ? ROLL_TABLE_ENTRY_TYPE : entry.type,
          documentType: pack.documentType,
          tags,
        },
        entry,
        foldedName,
        foldedTags: tags.map(foldText),
      });
    }
  }
  built.sort(
    (a, b) =>
      compare(a.foldedName, b.foldedName) ||
      compare(a.ref.name, b.ref.name) ||
      compare(a.ref.module, b.ref.module) ||
      compare(a.ref.pack, b.ref.pack) ||
      compare(a.ref.id, b.ref.id),
  );
  const indexed = built.map((item, order): IndexedEntry => ({ ...item, order }));
  for (const item of indexed) byKey.set(keyOf(item.ref.module, item.ref.pack, item.ref.id), item);
  // Postings by word: entries are visited in order, so each word's list is sorted already.
  const postings = new Map<string, number[]>();
  const post = (word: string, order: number, inName: boolean): void => {
    const list = postings.get(word);
    const posting = order * 2 + (inName ? 1 : 0);
    if (list === undefined) postings.set(word, [posting]);
    else list.push(posting);
  };
  for (const item of indexed) {
    const nameWords = new Set(wordsOf(item.foldedName));
    for (const word of nameWords) post(word, item.order, true);
    for (const word of new Set(item.foldedTags.flatMap(wordsOf))) {
      if (!nameWords.has(word)) post(word, item.order, false);
    }
  }
  const sortedWords = [...postings.keys()].sort(compare);
  const words: string[] = [];
  const orders: number[] = [];
  const inName: number[] = [];
  for (const word of sortedWords) {
    for (const posting of postings.get(word)!) {
      words.push(word);
      orders.push(posting >> 1);
      inName.push(posting & 1);
    }
  }
  return {
    entries: indexed,
    byKey,
    foldedNames: indexed.map((item) => item.foldedName),
    words,
    wordOrders: Int32Array.from(orders),
    wordInName: Uint8Array.from(inName),
  };
}

/**
 * The full entry (data, image, embedded items) behind a search result, or
 * `undefined` when the index holds no such entry.
 *
 * @example
 * const [first] = searchCompendium(index, { text: 'goblin' }).entries;
 * const goblin = getCompendiumEntry(index, first); // { id: 'goblin', data: {...}, items: [...] }
 */
export function getCompendiumEntry(
  index: CompendiumIndex,
  ref: { readonly module: string; readonly pack: string; readonly id: string },
): CompendiumEntry | undefined {
  return index.byKey.get(keyOf(ref.module, ref.pack, ref.id))?.entry;
}

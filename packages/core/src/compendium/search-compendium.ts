import { VttError } from '../errors/vtt-error.js';
import { PACK_DOCUMENT_TYPES, type PackDocumentType } from '../manifest/manifest-types.js';
import type { CompendiumIndex, CompendiumRef, IndexedEntry } from './compendium-index.js';
import { foldText, wordsOf } from './search-text.js';

/** A compendium search: every given criterion must hold. */
export interface CompendiumQuery {
  /** Words to find in names (by word prefix) and tags (by prefix); case and accents ignored. */
  readonly text?: string;
  readonly documentType?: PackDocumentType;
  /** The actor or item type, e.g. `'npc'`. */
  readonly type?: string;
  /** Tags the entry must all carry (whole tags, case and accents ignored). */
  readonly tags?: readonly string[];
  /** The pack id. */
  readonly pack?: string;
  /** The module id. */
  readonly module?: string;
  /** Most results returned, 1-1000; 50 by default. */
  readonly limit?: number;
  /** Results skipped first, for paging; 0 by default. */
  readonly offset?: number;
}

/** The result of {@link searchCompendium}: one page of refs, best first, and the total count. */
export interface CompendiumSearchResult {
  readonly entries: readonly CompendiumRef[];
  /** How many entries match in all, over every page. */
  readonly total: number;
}

/**
 * How well an entry matched, best first: the whole name, the start of the
 * name, a word of the name starting with each query word, a query word found
 * only at the start of a tag (or a tag word), the query inside the name.
 */
export const COMPENDIUM_MATCH_RANKS = {
  exactName: 0,
  namePrefix: 1,
  wordPrefix: 2,
  tag: 3,
  substring: 4,
} as const;

/** The limits of {@link CompendiumQuery}. */
export const COMPENDIUM_QUERY_LIMITS = {
  maxText: 200,
  maxWords: 30,
  maxTags: 20,
  maxLimit: 1000,
  defaultLimit: 50,
} as const;

const RANK_SPAN = 2 ** 32;

/**
 * Searches a compendium index. Matching folds case and accents; with `text`,
 * each query word must start a word of the name or of a tag, or the query
 * must occur inside the name. Results are ranked by
 * {@link COMPENDIUM_MATCH_RANKS} (exact name > name prefix > word prefix >
 * tag > substring), ties in name order; without `text`, in name order. Bad
 * options throw `VTT_ERR_COMPENDIUM_QUERY_INVALID` naming the field.
 *
 * @example
 * const { entries, total } = searchCompendium(index, { text: 'long', type: 'weapon', limit: 10 });
 * entries.map((ref) => ref.name); // ['Longbow', 'Longsword']
 */
export function searchCompendium(
  index: CompendiumIndex,
  query: CompendiumQuery = {},
): CompendiumSearchResult {
  const { limit, offset } = checkQuery(query);
  const text = foldText(query.text ?? '');
  const tags = query.tags?.map(foldText);
  const accepts = (item: IndexedEntry): boolean => {
    const { ref } = item;
    if (query.documentType !== undefined && ref.documentType !== query.documentType) return false;
    if (query.type !== undefined && ref.type !== query.type) return false;
    if (query.pack !== undefined && ref.pack !== query.pack) return false;
    if (query.module !== undefined && ref.module !== query.module) return false;
    return tags === undefined || tags.every((tag) => item.foldedTags.includes(tag));
  };
  const { entries } = index;
  const keys: number[] = [];
  if (text === '') {
    for (const item of entries) if (accepts(item)) keys.push(item.order);
  } else {
    const ranks = rankAll(index, text);
    for (let order = 0; order < ranks.length; order++) {
      const rank = ranks[order]!;
      if (rank !== 0 && accepts(entries[order]!)) keys.push((rank - 1) * RANK_SPAN + order);
    }
    keys.sort((a, b) => a - b);
  }
  const page = keys.slice(offset, offset + limit);
  return { entries: page.map((key) => entries[key % RANK_SPAN]!.ref), total: keys.length };
}

/** Each entry's rank + 1 for a non-empty folded query, by order; 0 when it does not match. */
function rankAll(index: CompendiumIndex, text: string): Uint8Array {
  const { foldedNames, words, wordOrders, wordInName } = index;
  const ranks = new Uint8Array(foldedNames.length);
  const queryWords = [...new Set(wordsOf(text))];
  if (queryWords.length > 0) {
    const nameMask = new Uint32Array(foldedNames.length);
    const anyMask = new Uint32Array(foldedNames.length);
    queryWords.forEach((word, bit) => {
      for (let i = lowerBound(words, word); i < words.length; i++) {
        if (!words[i]!.startsWith(word)) break;
        const order = wordOrders[i]!;
        anyMask[order]! |= 1 << bit;
        if (wordInName[i] === 1) nameMask[order]! |= 1 << bit;
      }
    });
    const all = 2 ** queryWords.length - 1;
    for (let order = 0; order < anyMask.length; order++) {
      if (anyMask[order] !== all) continue;
      ranks[order] =
        1 +
        (nameMask[order] === all ? COMPENDIUM_MATCH_RANKS.wordPrefix : COMPENDIUM_MATCH_RANKS.tag);
    }
  }
  for (let order = 0; order < foldedNames.length; order++) {
    const name = foldedNames[order]!;
    if (name === text) ranks[order] = 1 + COMPENDIUM_MATCH_RANKS.exactName;
    else if (name.startsWith(text)) ranks[order] = 1 + COMPENDIUM_MATCH_RANKS.namePrefix;
    else if (ranks[order] === 0 && name.includes(text))
      ranks[order] = 1 + COMPENDIUM_MATCH_RANKS.substring;
  }
  return ranks;
}

/** The first index of sorted `list` whose value is not below `value`. */
function lowerBound(list: readonly string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function checkQuery(query: CompendiumQuery): { limit: number; offset: number } {
  const fail = (field: string, problem: string): never => {
    throw new VttError('VTT_ERR_COMPENDIUM_QUERY_INVALID', { field, problem });
  };
  if (typeof query !== 'object' || query === null) fail('query', 'must be an object');
  const { text, documentType, type, pack, module, tags } = query;
  if (text !== undefined) {
    if (typeof text !== 'string') fail('text', 'must be a string');
    else if (text.length > COMPENDIUM_QUERY_LIMITS.maxText)
      fail('text', `must be at most ${COMPENDIUM_QUERY_LIMITS.maxText} characters`);
    else if (new Set(wordsOf(foldText(text))).size > COMPENDIUM_QUERY_LIMITS.maxWords)
      fail('text', `must hold at most ${COMPENDIUM_QUERY_LIMITS.maxWords} distinct words`);
  }
  if (documentType !== undefined && !PACK_DOCUMENT_TYPES.includes(documentType))
    fail('documentType', `must be one of ${PACK_DOCUMENT_TYPES.join(', ')}`);
  for (const [field, value] of [
    ['type', type],
    ['pack', pack],
    ['module', module],
  ] as const) {
    if (value !== undefined && typeof value !== 'string') fail(field, 'must be a string');
  }
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string'))
      fail('tags', 'must be an array of strings');
    else if (tags.length > COMPENDIUM_QUERY_LIMITS.maxTags)
      fail('tags', `must hold at most ${COMPENDIUM_QUERY_LIMITS.maxTags} tags`);
  }
  const limit = query.limit ?? COMPENDIUM_QUERY_LIMITS.defaultLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > COMPENDIUM_QUERY_LIMITS.maxLimit)
    fail('limit', `must be an integer from 1 to ${COMPENDIUM_QUERY_LIMITS.maxLimit}`);
  const offset = query.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) fail('offset', 'must be an integer of 0 or more');
  return { limit, offset };
}

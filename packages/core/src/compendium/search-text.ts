/**
 * Text folding for compendium search: case- and accent-insensitive forms of
 * names, tags and queries, and their words.
 */

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Folds `text` for comparison: Unicode NFD with combining marks removed,
 * lower case, runs of blanks collapsed, trimmed.
 *
 * @example
 * foldText('  Ëlf  Mage '); // 'elf mage'
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The words of already folded text: runs of letters and digits.
 *
 * @example
 * wordsOf('giant spider (swarm)'); // ['giant', 'spider', 'swarm']
 */
export function wordsOf(folded: string): string[] {
  return folded.split(NOT_WORD).filter((word) => word.length > 0);
}

/**
 * Text folding for compendium search: case- and accent-insensitive forms of
 * names, tags and queries, and their words.
 */

const MARKS = /\p{M}+/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Folds `text` for comparison: Unicode NFD with combining marks removed,
 * lower case, runs of blanks collapsed, trimmed.
 *
 * @example
 * foldText('  Ëlf  Mage '); // 'elf mage'
 */
export function foldText(text: string): string {
  // Plain ASCII (most names and tags) has no marks to strip: skip the NFD pass.
  const bare = PRINTABLE_ASCII.test(text) ? text : text.normalize('NFD').replace(MARKS, '');
  return bare.toLowerCase().replace(/\s+/g, ' ').trim();
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

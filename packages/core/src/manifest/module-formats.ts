import { parseSemver } from './semver.js';
import { isSemverRange } from './semver-range.js';

/** Ids of modules, sheets and compendium packs: kebab-case, 3-64 characters. */
export function isModuleId(text: string): boolean {
  return text.length >= 3 && text.length <= 64 && /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(text);
}

/** Names of actor and item types: a letter, then letters, digits, `_` or `-`; at most 64. */
export function isTypeName(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(text);
}

/**
 * A path relative to the module folder: forward slashes, no `..` or `.`
 * segments, no empty segment, not absolute, no drive letter, no backslash.
 * With `glob`, the wildcards `* ? [ ] { }` are allowed as well.
 */
export function isRelativePath(text: string, glob = false): boolean {
  if (text.length === 0 || text.length > 256) return false;
  if (text.includes('\\') || /^[A-Za-z]:/.test(text)) return false;
  if ([...text].some((ch) => ch.charCodeAt(0) < 0x20)) return false;
  if (!glob && /[*?[\]{}]/.test(text)) return false;
  return text.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * A simple SPDX license expression: ids (`MIT`, `LicenseRef-x`, `GPL-3.0+`)
 * joined by `AND`, `OR` and `WITH`, with parentheses; or `UNLICENSED`, or
 * `SEE LICENSE IN <file>`. The ids are not checked against the SPDX list.
 */
export function isSpdxExpression(text: string): boolean {
  if (text.length > 256) return false;
  if (text === 'UNLICENSED' || /^SEE LICENSE IN \S+$/.test(text)) return true;
  const tokens = text.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let depth = 0;
  let expectId = true;
  for (const token of tokens) {
    if (token === '(' && expectId) depth++;
    else if (token === ')' && !expectId && depth > 0) depth--;
    else if (/^(AND|OR|WITH)$/.test(token) && !expectId) expectId = true;
    else if (/^[A-Za-z0-9][A-Za-z0-9.-]*\+?$/.test(token) && expectId) expectId = false;
    else return false;
  }
  return depth === 0 && !expectId;
}

/** The custom ajv formats of manifests and sheets, by name. */
export const MODULE_FORMATS = {
  'vtt-id': isModuleId,
  'vtt-type-name': isTypeName,
  'vtt-semver': (text: string): boolean => parseSemver(text) !== undefined,
  'vtt-range': isSemverRange,
  'vtt-path': (text: string): boolean => isRelativePath(text),
  'vtt-glob': (text: string): boolean => isRelativePath(text, true),
  'vtt-spdx': isSpdxExpression,
} as const;

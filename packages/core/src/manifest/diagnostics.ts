import { fillTemplate } from '../errors/vtt-error.js';
import { ERROR_CODES, type ErrorCode } from '../errors/codes.js';
import type { ErrorParams } from '../errors/vtt-error.js';

/**
 * One problem found in a module's files, as data (like an esbuild message).
 * Code branches on `code`; `pointer` is the JSON pointer of the offending
 * value inside `file` (`''` is the whole document).
 */
export interface Diagnostic {
  /** Stable error code, e.g. `'VTT_ERR_MODULE_ID_INVALID'`. */
  readonly code: ErrorCode;
  /** What is wrong, for people. */
  readonly message: string;
  /** The module-relative file the problem is in, e.g. `'vtt-module.json'`. */
  readonly file?: string;
  /** JSON pointer (RFC 6901) of the offending value, e.g. `'/actorTypes/npc/label'`. */
  readonly pointer: string;
  /** 1-based line in `file`, where the problem has one (a syntax error, a build error). */
  readonly line?: number;
  /** 1-based column in `file` (or in a dice notation), with `line`. */
  readonly column?: number;
  /** What to do next, for people. */
  readonly fix: string;
}

/** Every error and warning of one check; a check is passed when `errors` is empty. */
export interface DiagnosticReport {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

/**
 * Builds a diagnostic from the error table: `params` fill the message and fix
 * templates; `pointer` is available to both as `{pointer}`.
 *
 * @example
 * createDiagnostic('VTT_ERR_MODULE_FIELD_MISSING', '/name', { field: 'name', parent: 'the manifest' });
 */
export function createDiagnostic(
  code: ErrorCode,
  pointer: string,
  params: ErrorParams = {},
  file?: string,
): Diagnostic {
  const spec = ERROR_CODES[code];
  const all: ErrorParams = { pointer: pointer === '' ? '(the document)' : pointer, ...params };
  const base = {
    code,
    message: fillTemplate(spec.message, all),
    pointer,
    fix: fillTemplate(spec.fix, all),
  };
  return file === undefined ? base : { ...base, file };
}

/** Returns `diagnostics` with `file` set on each. */
export function inFile(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, file }));
}

/** Escapes one reference token of a JSON pointer (`~` -> `~0`, `/` -> `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins reference tokens into a JSON pointer: `pointerOf('a', 0)` is `'/a/0'`. */
export function pointerOf(...tokens: ReadonlyArray<string | number>): string {
  return tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

/** Splits a JSON pointer into its unescaped tokens; `undefined` when it is not a pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Quotes a user-supplied value for a message, cut to a readable length. */
export function quoteValue(value: unknown): string {
  const text = typeof value === 'string' ? value : describeJsonType(value);
  const cut = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return typeof value === 'string' ? `'${cut}'` : cut;
}

/** Names the JSON type of a value: `'string'`, `'array'`, `'null'`, `'integer'`... */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { ERROR_CODES, type ErrorCode } from './codes.js';
import type { ErrorSpec } from './error-spec.js';

/** Values substituted into an error's message template. */
export type ErrorParams = Readonly<Record<string, string | number | boolean>>;

/**
 * The one error type of the engine. Code branches on `code`, never on the
 * message text; `params` carries the structured details (a position, a
 * JSON pointer, a limit) so tools can present them as data.
 *
 * @example
 * try {
 *   roll('2d');
 * } catch (error) {
 *   if (isVttError(error) && error.code === 'VTT_ERR_DICE_SYNTAX') showHint(error.params.position);
 * }
 */
export class VttError extends Error {
  /** The stable error code, `VTT_ERR_<AREA>_<WHAT>`. */
  readonly code: ErrorCode;
  /** The values substituted into the message, as data. */
  readonly params: ErrorParams;
  /** HTTP status for this code (400 when the table names none). */
  readonly status: number;

  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(formatErrorMessage(code, params), options);
    this.name = 'VttError';
    this.code = code;
    this.params = params;
    const spec: ErrorSpec = ERROR_CODES[code];
    this.status = spec.status ?? 400;
  }

  /** A JSON-safe form for the wire: `{ code, message, params }`. */
  toJSON(): { code: ErrorCode; message: string; params: ErrorParams } {
    return { code: this.code, message: this.message, params: this.params };
  }
}

/**
 * Renders the message of `code` with `params`, followed by its fix.
 * Unknown placeholders are left as written so a missing param is visible.
 */
export function formatErrorMessage(code: ErrorCode, params: ErrorParams = {}): string {
  const spec = ERROR_CODES[code];
  return `${fillTemplate(spec.message, params)} ${fillTemplate(spec.fix, params)}`;
}

/**
 * Fills `{name}` placeholders of an error template from `params`; unknown
 * placeholders stay as written, so a missing param is visible.
 */
export function fillTemplate(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * True when `value` is a {@link VttError}, also across realms (a worker, a
 * sandbox) where `instanceof` fails: it checks the shape, not the prototype.
 */
export function isVttError(value: unknown): value is VttError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (value as { code: string }).code in ERROR_CODES &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

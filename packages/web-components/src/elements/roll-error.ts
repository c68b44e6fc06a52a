import { ERROR_CODES, type ErrorCode } from '@vtt/core';

/** A failed roll as an element shows it: the code, what went wrong and what to do. */
export interface RollErrorView {
  /** `VTT_ERR_DICE_SYNTAX`, ..., or `null` for an error without a known code. */
  readonly code: ErrorCode | null;
  readonly message: string;
  /** What to do next; empty when the error names no fix. */
  readonly fix: string;
  /** The 1-based column of the notation the error points at (syntax errors), else `null`. */
  readonly column: number | null;
}

const fill = (template: string, params: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );

/**
 * Splits a thrown or rejected error into code, message and fix: a `VttError`
 * or a wire error (`{ code, message, params }`) with a code of core's table
 * gets the table's message and fix filled from its params; anything else
 * keeps its own message.
 */
export function rollErrorView(error: unknown): RollErrorView {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    params?: unknown;
  };
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.code === 'string' && Object.hasOwn(ERROR_CODES, e.code)) {
    const code = e.code as ErrorCode;
    const spec = ERROR_CODES[code];
    const params =
      typeof e.params === 'object' && e.params !== null
        ? (e.params as Record<string, unknown>)
        : undefined;
    if (params !== undefined) {
      const column = typeof params['column'] === 'number' ? params['column'] : null;
      return { code, message: fill(spec.message, params), fix: fill(spec.fix, params), column };
    }
    return { code, message, fix: '', column: null };
  }
  return { code: null, message, fix: '', column: null };
}

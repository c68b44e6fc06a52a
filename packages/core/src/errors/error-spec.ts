/**
 * How one error code is described in the error table.
 *
 * `message` is a template: `{name}` placeholders are filled from the params
 * passed to {@link VttError}. `fix` tells the user what to do next, and is
 * appended to the message. `status` is the HTTP status to use where the error
 * crosses HTTP.
 */
export interface ErrorSpec {
  /** Message template, e.g. `'Too many dice: {count} (the limit is {max}).'`. */
  readonly message: string;
  /** What the user should do next. Appended to the message. */
  readonly fix: string;
  /** HTTP status where the error crosses HTTP; 400 when omitted. */
  readonly status?: number;
}

/**
 * Identity helper that type-checks one area's error table while keeping its
 * literal keys.
 *
 * @example
 * export const DICE_ERRORS = defineErrors({
 *   VTT_ERR_DICE_SYNTAX: { message: 'Bad notation at {position}.', fix: '...' },
 * });
 */
export function defineErrors<const T extends Record<`VTT_ERR_${string}`, ErrorSpec>>(table: T): T {
  return table;
}

/** Schema pieces every route uses: bodies, ids, the error answer. */

/** A body schema: an object of exactly these fields. */
export function body(
  properties: Record<string, unknown>,
  required: readonly string[] = [],
): object {
  return { type: 'object', additionalProperties: false, required, properties };
}

/** An answer schema: an object with these fields. */
export function answer(
  properties: Record<string, unknown>,
  required: readonly string[] = [],
): object {
  return { type: 'object', required, properties };
}

/** A server-made id in a path. */
export const idParam = { type: 'string', minLength: 1, maxLength: 64 } as const;

/** Every error answer: `{ error: { code, message, params } }`. */
export const errorAnswer = answer(
  {
    error: answer(
      {
        code: { type: 'string' },
        message: { type: 'string' },
        params: { type: 'object', additionalProperties: true },
      },
      ['code', 'message'],
    ),
  },
  ['error'],
);

/** `security` of a route that needs a bearer token. */
export const bearer = [{ bearer: [] }];

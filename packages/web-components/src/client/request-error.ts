/** The one error type of the client: a refused request, over HTTP or on the live socket. */
import type { ErrorCode, ErrorParams, WireError } from '@vtt/core';

/**
 * A request the server refused (or that could not be answered), with the
 * server's `code`, `message` and `params`. Branch on `code`, never on the
 * message text. `requestId` is set for live requests, `status` for HTTP.
 *
 * @example
 * try {
 *   await table.moveToken('t-ogre', 10, 20);
 * } catch (error) {
 *   if (error instanceof VttRequestError && error.code === 'VTT_ERR_PERMISSION_NOT_OWNER') hint();
 * }
 */
export class VttRequestError extends Error {
  /** The stable error code, `VTT_ERR_<AREA>_<WHAT>`. */
  readonly code: ErrorCode;
  /** The values in the message, as data. */
  readonly params: ErrorParams;
  /** The client id of the live request that was refused. */
  readonly requestId: string | null;
  /** The HTTP status of a refused HTTP request. */
  readonly status: number | null;

  constructor(
    error: WireError,
    where: { readonly requestId?: string; readonly status?: number } = {},
  ) {
    super(error.message);
    this.name = 'VttRequestError';
    this.code = error.code;
    this.params = error.params ?? {};
    this.requestId = where.requestId ?? null;
    this.status = where.status ?? null;
  }

  /** The wire form, `{ code, message, params }`. */
  toJSON(): WireError {
    return { code: this.code, message: this.message, params: this.params };
  }
}

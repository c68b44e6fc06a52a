import { VttError, type WireError } from '@vtt/core';
import { VttRequestError } from '../client/request-error.js';

/**
 * A JSON request that needs no login (`POST /api/setup`,
 * `POST /api/invites/register`): the server sets the session cookie, so the
 * app then calls `VttClient.resume()`.
 * @throws VttRequestError with the server's code, message and status.
 */
export async function postPublicJson<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = (text === '' ? {} : JSON.parse(text)) as { error?: WireError };
  if (res.ok) return parsed as T;
  throw new VttRequestError(parsed.error ?? new VttError('VTT_ERR_SERVER_INTERNAL').toJSON(), {
    status: res.status,
  });
}

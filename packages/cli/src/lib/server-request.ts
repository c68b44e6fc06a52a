/**
 * One HTTP request from a `vtt` command to a running server (`vtt dev`,
 * `vtt publish`): a bearer token, a JSON or archive body, a timeout, and
 * the server's typed error answer turned into a {@link CliError} that names
 * what the server said.
 */
import { cliError } from './cli-error.js';

/** What {@link serverRequest} sends. */
export interface ServerRequest {
  /** The server's base URL, e.g. `http://127.0.0.1:7777`. */
  readonly server: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route, e.g. `/api/modules/dev`. */
  readonly path: string;
  /** An API token (sent as `Authorization: Bearer`); never printed. */
  readonly token?: string;
  /** A `.vttmod` archive (sent as application/octet-stream) or a JSON value. */
  readonly body?: Uint8Array | object;
  /** Names the request in a refusal, e.g. `the development build`. */
  readonly what: string;
  /** Milliseconds before the request is given up; 30 s by default. */
  readonly timeoutMs?: number;
}

/** The server's base URL without a trailing slash, or a usage error naming the problem. */
export function serverBase(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw cliError('VTT_ERR_CLI_SERVER_UNREACHABLE', {
      url: server,
      problem: 'that is not a URL',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw cliError('VTT_ERR_CLI_SERVER_UNREACHABLE', {
      url: server,
      problem: `${url.protocol} is not http: or https:`,
    });
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Sends one request and resolves to the answer's JSON body (a 2xx answer).
 *
 * @throws CliError `VTT_ERR_CLI_SERVER_UNREACHABLE` when no answer came;
 *   `VTT_ERR_CLI_SERVER_REFUSED` with the server's error code and message otherwise.
 * @example
 * const answer = await serverRequest({ server, method: 'POST', path: '/api/modules/dev', token, body: archive, what: 'the build' });
 */
export async function serverRequest(request: ServerRequest): Promise<unknown> {
  const base = serverBase(request.server);
  const headers: Record<string, string> = {};
  if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
  let body: BodyInit | undefined;
  if (request.body instanceof Uint8Array) {
    headers['content-type'] = 'application/octet-stream';
    body = new Blob([new Uint8Array(request.body)]);
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  let response: Response;
  try {
    response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers,
      ...(body === undefined ? {} : { body }),
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const problem =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${Math.round((request.timeoutMs ?? 30_000) / 1000)} s`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw cliError('VTT_ERR_CLI_SERVER_UNREACHABLE', { url: base, problem });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: said below as "an answer that is not the server's error format".
  }
  if (response.ok) return parsed;
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const problem =
    typeof error?.code === 'string' && typeof error.message === 'string'
      ? `${error.code}: ${error.message}`
      : `an answer that is not the server's error format (${text.slice(0, 120)})`;
  throw cliError('VTT_ERR_CLI_SERVER_REFUSED', {
    url: base,
    what: request.what,
    status: response.status,
    problem,
  });
}

/**
 * Talking to a registry over HTTP from another server or the CLI: its
 * address checked, every request under a deadline, every answer read with
 * a size cap, and its error answers turned into typed errors.
 */
import { ERROR_CODES, VttError, type ErrorCode, type ErrorParams } from '@vtt/core';

/** How long one request to a registry may take, body included, by default. */
export const REGISTRY_TIMEOUT_MS = 30_000;

/** The largest JSON answer read from a registry (a listing, an error). */
export const MAX_REGISTRY_JSON_BYTES = 4 * 1024 * 1024;

/**
 * A registry's address as given (`https://modules.example.com`, with a
 * path prefix when it sits behind one), normalised without a trailing `/`.
 *
 * @throws VttError `VTT_ERR_REGISTRY_URL_INVALID` for anything but an http(s) URL without credentials.
 * @example
 * registryBase('http://127.0.0.1:7777/'); // 'http://127.0.0.1:7777'
 */
export function registryBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VttError('VTT_ERR_REGISTRY_URL_INVALID', { url, problem: 'it is not a URL' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new VttError('VTT_ERR_REGISTRY_URL_INVALID', {
      url,
      problem: 'only http:// and https:// are supported',
    });
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new VttError('VTT_ERR_REGISTRY_URL_INVALID', {
      url: `${parsed.protocol}//${parsed.host}`,
      problem: 'it carries a user name or password; pass a token instead',
    });
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new VttError('VTT_ERR_REGISTRY_URL_INVALID', {
      url,
      problem: 'it must not have a query or a fragment',
    });
  }
  return parsed.href.replace(/\/+$/, '');
}

/** What went wrong with a request that got no answer, in words. */
function reason(error: unknown, timeoutMs: number): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}

/**
 * Sends one request to `base + path` under a deadline of `timeoutMs`
 * (headers and body); the answer's body is left to read with
 * {@link readCappedBody} before the deadline.
 *
 * @throws VttError `VTT_ERR_REGISTRY_UNREACHABLE` when no answer comes.
 */
export async function registryFetch(
  base: string,
  path: string,
  init: RequestInit & { readonly timeoutMs?: number } = {},
): Promise<{ response: Response; url: string; signal: AbortSignal; timeoutMs: number }> {
  const timeoutMs = init.timeoutMs ?? REGISTRY_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const url = `${base}${path}`;
  try {
    const response = await fetch(url, { ...init, signal, redirect: 'follow' });
    return { response, url, signal, timeoutMs };
  } catch (error) {
    throw new VttError(
      'VTT_ERR_REGISTRY_UNREACHABLE',
      { registry: base, problem: reason(error, timeoutMs) },
      { cause: error },
    );
  }
}

/**
 * Reads an answer's body, at most `max` bytes: past it (as announced by
 * `content-length`, or as it arrives) `tooLarge()` is thrown and the rest
 * is not read.
 *
 * @throws VttError `VTT_ERR_REGISTRY_UNREACHABLE` when the body stops coming (deadline, reset).
 */
export async function readCappedBody(
  answer: { response: Response; timeoutMs: number },
  base: string,
  max: number,
  tooLarge: () => VttError,
): Promise<Uint8Array> {
  const { response } = answer;
  const announced = Number(response.headers.get('content-length') ?? '0');
  if (announced > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof VttError) throw error;
    throw new VttError(
      'VTT_ERR_REGISTRY_UNREACHABLE',
      { registry: base, problem: reason(error, answer.timeoutMs) },
      { cause: error },
    );
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Reads a JSON answer (capped at {@link MAX_REGISTRY_JSON_BYTES}).
 *
 * @throws VttError `VTT_ERR_REGISTRY_ANSWER_INVALID` when it is too large or no JSON.
 */
export async function readJson(
  answer: { response: Response; url: string; timeoutMs: number },
  base: string,
): Promise<unknown> {
  const invalid = (problem: string) =>
    new VttError('VTT_ERR_REGISTRY_ANSWER_INVALID', { registry: base, url: answer.url, problem });
  const bytes = await readCappedBody(answer, base, MAX_REGISTRY_JSON_BYTES, () =>
    invalid(`it is over ${MAX_REGISTRY_JSON_BYTES} bytes`),
  );
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw invalid(`HTTP ${answer.response.status} with a body that is no JSON`);
  }
}

/**
 * The registry's own error in an error answer `body` (`{ error: { code,
 * params } }`) when its code is one of this engine's, so it reads as if
 * raised here; undefined otherwise.
 */
export function remoteError(body: unknown): VttError | undefined {
  const error = (body as { error?: { code?: unknown; params?: unknown } } | null)?.error;
  if (typeof error?.code !== 'string' || !Object.hasOwn(ERROR_CODES, error.code)) return undefined;
  const params =
    typeof error.params === 'object' && error.params !== null ? (error.params as ErrorParams) : {};
  return new VttError(error.code as ErrorCode, params);
}

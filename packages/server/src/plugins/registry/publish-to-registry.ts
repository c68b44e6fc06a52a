/**
 * The client side of publishing, for `vtt publish`: uploads an archive's
 * bytes to a registry with an API token and returns what it published, or
 * throws the registry's own typed error. The token is sent only in the
 * `Authorization` header and appears in no error.
 */
import { VttError } from '@vtt/core';
import { readJson, registryBase, registryFetch, remoteError } from './registry-http.js';
import { REGISTRY_BASE, type PublishedModule } from './registry-types.js';

/** Options of {@link publishToRegistry}. */
export interface PublishToRegistryOptions {
  /** The registry's address, e.g. `https://modules.example.com`. */
  readonly registry: string;
  /** An API token with `modules:publish` (or a login's access token). */
  readonly token: string;
  /** The `.vttmod` archive's bytes. */
  readonly bytes: Uint8Array;
  /** Deadline of the upload and its answer; 120 s by default. */
  readonly timeoutMs?: number;
}

/**
 * Publishes `bytes` on `registry`.
 *
 * @throws VttError the registry's refusal with its own code (`VTT_ERR_REGISTRY_NOT_OWNER`,
 *   `VTT_ERR_REGISTRY_VERSION_EXISTS`, `VTT_ERR_ARCHIVE_*`, `VTT_ERR_AUTH_*`...),
 *   `VTT_ERR_REGISTRY_UNREACHABLE` or `VTT_ERR_REGISTRY_ANSWER_INVALID`.
 * @example
 * const published = await publishToRegistry({ registry, token, bytes: await readFile(file) });
 * console.log(published.id, published.version, published.sha256);
 */
export async function publishToRegistry(
  options: PublishToRegistryOptions,
): Promise<PublishedModule> {
  const registry = registryBase(options.registry);
  const answer = await registryFetch(registry, REGISTRY_BASE, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      accept: 'application/json',
      authorization: `Bearer ${options.token}`,
    },
    body: options.bytes as BodyInit,
    timeoutMs: options.timeoutMs ?? 120_000,
  });
  const body = await readJson(answer, registry);
  if (answer.response.status === 201) {
    const published = body as Partial<PublishedModule> | null;
    if (typeof published?.id === 'string' && typeof published.version === 'string') {
      return published as PublishedModule;
    }
  }
  const remote = remoteError(body);
  if (remote !== undefined) throw remote;
  throw new VttError('VTT_ERR_REGISTRY_ANSWER_INVALID', {
    registry,
    url: answer.url,
    problem: `HTTP ${answer.response.status} without a publish answer`,
  });
}

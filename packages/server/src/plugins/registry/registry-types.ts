/**
 * What a module registry answers, as JSON: the shapes of its public read
 * routes and of a publish, shared by the registry's routes, the installing
 * server and `vtt publish` / `vtt install --registry`.
 */

/** The base path of every registry route. */
export const REGISTRY_BASE = '/api/registry/modules';

/** The response header carrying the SHA-256 (hex) of a downloaded archive's bytes. */
export const SHA256_HEADER = 'x-vtt-sha256';

/** The response header carrying a downloaded archive's verified listing digest. */
export const DIGEST_HEADER = 'x-vtt-digest';

/** An author as a manifest names them. */
export interface RegistryAuthor {
  readonly name: string;
  readonly email?: string;
  readonly url?: string;
}

/** One published version of a module. */
export interface RegistryVersion {
  readonly version: string;
  /** The core API range the version needs (its manifest's `engine`). */
  readonly engine: string;
  /** Its manifest's `dependencies`: module id to semver range. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** The archive's verified digest: SHA-256 hex of its canonical listing. */
  readonly digest: string;
  /** SHA-256 hex of the archive's bytes. */
  readonly sha256: string;
  /** The archive's size in bytes. */
  readonly size: number;
  /** When it was published, ms since the epoch. */
  readonly publishedAt: number;
  /** The archive's download path on the registry, e.g. `/api/registry/modules/x/1.0.0/archive`. */
  readonly archive: string;
}

/** A module in the registry's listing: what its newest version says. */
export interface RegistryModuleSummary {
  readonly id: string;
  readonly kind: 'system' | 'addon';
  readonly name: string;
  readonly description: string;
  readonly authors: readonly RegistryAuthor[];
  /** The newest version (semver order). */
  readonly latest: string;
  /** The newest version's engine range. */
  readonly engine: string;
  readonly updatedAt: number;
}

/** `GET /api/registry/modules?q=&offset=&limit=`: one page of the listing, by id. */
export interface RegistryListing {
  readonly modules: readonly RegistryModuleSummary[];
  /** How many modules match `q` in all. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

/** `GET /api/registry/modules/:id`: one module with every version, oldest first. */
export interface RegistryModule extends RegistryModuleSummary {
  readonly versions: readonly RegistryVersion[];
}

/** `POST /api/registry/modules`: what was published. */
export interface PublishedModule {
  readonly id: string;
  readonly version: string;
  readonly kind: 'system' | 'addon';
  readonly name: string;
  readonly digest: string;
  readonly sha256: string;
  readonly size: number;
  readonly publishedAt: number;
  /** Every published version of the module, oldest first. */
  readonly versions: readonly string[];
}

/** The download path of `id@version` on a registry. */
export function archivePath(id: string, version: string): string {
  return `${REGISTRY_BASE}/${encodeURIComponent(id)}/${encodeURIComponent(version)}/archive`;
}

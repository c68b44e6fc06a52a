import type { Scene } from '@vtt/core';
import type { VttClient } from '../client/vtt-client.js';

/**
 * Blob URLs of scene backgrounds: the asset routes need the bearer token, so
 * an `<img>` cannot load them itself. One fetch per asset; `clear()` revokes
 * them all (call it when the page goes).
 */
export class SceneImages {
  readonly #urls = new Map<string, Promise<string | null>>();
  readonly #ready = new Map<string, string>();

  constructor(
    readonly client: VttClient,
    readonly campaignId: string,
    readonly onLoad: () => void,
  ) {}

  /** The URL to show for `scene`'s background now: null until its bytes are here (then `onLoad` runs). */
  url(scene: Scene | undefined): string | null {
    const asset = scene?.background?.asset;
    if (asset === undefined || asset === '') return null;
    const known = this.#ready.get(asset);
    if (known !== undefined) return known;
    if (!this.#urls.has(asset)) {
      const path = /^[A-Za-z0-9_-]+$/.test(asset)
        ? `/api/campaigns/${encodeURIComponent(this.campaignId)}/assets/${asset}`
        : null;
      const loading =
        path === null
          ? Promise.resolve(null)
          : this.client
              .blob(path)
              .then((blob) => URL.createObjectURL(blob))
              .catch(() => null);
      this.#urls.set(asset, loading);
      void loading.then((url) => {
        if (url !== null) {
          this.#ready.set(asset, url);
          this.onLoad();
        }
      });
    }
    return null;
  }

  /** Revokes every blob URL. */
  clear(): void {
    for (const url of this.#ready.values()) URL.revokeObjectURL(url);
    this.#ready.clear();
    this.#urls.clear();
  }
}

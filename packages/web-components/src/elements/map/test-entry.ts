/**
 * The browser bundle of the `<vtt-map>` tests: the element and a client,
 * with a hook on `window` (`vttMapTest`) for a test to mount a map, log in,
 * hand the map its table and read what it shows.
 */
import { VttClient } from '../../client/vtt-client.js';
import type { MapTransform } from './map-viewport.js';
import './vtt-map.js';
import type { VttMap } from './vtt-map.js';

/** Where the map shows a token. */
export interface RenderedToken {
  readonly transform: string | null;
  /** Scene point under the centre of the token's disc. */
  readonly centre: { x: number; y: number };
  /** Page point of that centre. */
  readonly screen: { x: number; y: number };
  readonly scale: number;
}

/** What the tests call in the page. */
export interface MapTestHook {
  mount(sceneId: string, theme: string, height: number): void;
  /** Logs `name` in, joins `campaignId` and gives the map the table; resolves to the user id. */
  join(name: string, password: string, campaignId: string): Promise<string>;
  rendered(tokenId: string): RenderedToken;
  transform(): MapTransform;
  /** `moveToken` straight through the map's connection: `accepted` or the refusal's code. */
  forceMove(tokenId: string, x: number, y: number): Promise<string>;
  shadowHtml(): string;
  fogOpacity(): number;
}

function map(): VttMap {
  const element = document.querySelector('vtt-map');
  if (element === null) throw new Error('no <vtt-map> on the page');
  return element;
}

const hook: MapTestHook = {
  mount(sceneId, theme, height) {
    document.body.className = theme === 'dark' ? 'dark' : '';
    const element = document.createElement('vtt-map');
    element.setAttribute('scene-id', sceneId);
    element.setAttribute('theme', theme);
    element.style.height = `${height}px`;
    document.body.append(element);
  },
  async join(name, password, campaignId) {
    const client = new VttClient();
    const user = await client.login(name, password);
    const table = client.join(campaignId);
    await table.ready();
    const element = map();
    element.table = table;
    await element.updateComplete;
    return user.id;
  },
  rendered(tokenId) {
    const element = map();
    const root = element.shadowRoot!;
    const el = root.querySelector(`[data-token-id="${CSS.escape(tokenId)}"]`);
    if (el === null) throw new Error(`token ${tokenId} not shown`);
    const disc = el.querySelector('.token-disc')!.getBoundingClientRect();
    const vp = root.querySelector('.viewport')!.getBoundingClientRect();
    const t = element.transform;
    const sx = disc.left + disc.width / 2;
    const sy = disc.top + disc.height / 2;
    return {
      transform: el.getAttribute('transform'),
      centre: { x: (sx - vp.left - t.x) / t.scale, y: (sy - vp.top - t.y) / t.scale },
      screen: { x: sx, y: sy },
      scale: t.scale,
    };
  },
  transform: () => map().transform,
  async forceMove(tokenId, x, y) {
    try {
      await map().connection!.moveToken(tokenId, x, y);
      return 'accepted';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  },
  shadowHtml: () => map().shadowRoot!.innerHTML,
  fogOpacity() {
    const fog = map().shadowRoot!.querySelector('.fog');
    return fog === null ? Number.NaN : Number(getComputedStyle(fog).opacity);
  },
};

(globalThis as unknown as { vttMapTest: MapTestHook }).vttMapTest = hook;

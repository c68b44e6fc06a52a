/**
 * `<vtt-map>` in Chromium against a real server: rendering at core's cells,
 * drag with snapping and the ruler, permissions, fog secrecy, pan/zoom,
 * keyboard, touch, pings and a 500-token scene.
 */
import { fileURLToPath } from 'node:url';
import { cellAt, footprintCells, measure, type Grid, type Token } from '@vtt/core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, setupAdmin } from '../../../../server/src/test-support/http-client.js';
import type { TableConnection } from '../../client/table-connection.js';
import {
  loggedIn,
  PASSWORD,
  startTestServer,
  tokenTable,
  until,
  WITH_EXAMPLES,
  type TestServer,
  type TestUser,
} from '../../client/test-support/table-fixture.js';
import type { VttClient } from '../../client/vtt-client.js';
import {
  chromiumSkipReason,
  saveScreenshot,
  startElementHarness,
  type ElementHarness,
} from '../../test-support/browser-harness.js';
import { snapTokenPosition, tokenCentre } from './map-geometry.js';

/** Where the page's map shows a token (test-entry.ts `rendered`). */
interface RenderedToken {
  readonly transform: string | null;
  readonly centre: { x: number; y: number };
  readonly screen: { x: number; y: number };
  readonly scale: number;
}

/** The page's `vttMapTest` hook, as test-entry.ts defines it (that file needs DOM types). */
interface MapTestHook {
  mount(sceneId: string, theme: string, height: number): void;
  join(name: string, password: string, campaignId: string): Promise<string>;
  rendered(tokenId: string): RenderedToken;
  transform(): { x: number; y: number; scale: number };
  forceMove(tokenId: string, x: number, y: number): Promise<string>;
  shadowHtml(): string;
  fogOpacity(): number;
}

/** Calls the page's `vttMapTest` hook (see test-entry.ts). */
function inPage<K extends keyof MapTestHook>(
  page: Page,
  name: K,
  ...args: Parameters<MapTestHook[K]>
): Promise<Awaited<ReturnType<MapTestHook[K]>>> {
  return page.evaluate(
    ({ name, args }) => {
      const hook = (
        globalThis as unknown as { vttMapTest: Record<string, (...a: unknown[]) => unknown> }
      ).vttMapTest;
      return hook[name]!(...args);
    },
    { name, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<MapTestHook[K]>>>;
}

const ENTRY = fileURLToPath(new URL('./test-entry.ts', import.meta.url));
const skip = chromiumSkipReason('vtt-map.test.ts') !== null;

const SQUARE: Grid = {
  type: 'square',
  size: 100,
  offsetX: 0,
  offsetY: 0,
  units: 'ft',
  distance: 5,
};
const POINTY: Grid = { ...SQUARE, type: 'hex-pointy', units: 'm', distance: 1.5 };
const FLAT: Grid = { ...SQUARE, type: 'hex-flat', size: 90 };

interface Opened {
  page: Page;
  context: BrowserContext;
  errors: string[];
  frames: string[];
}

describe.skipIf(skip)('<vtt-map> in Chromium', () => {
  let server: TestServer;
  let harness: ElementHarness;
  let gm: TestUser;
  let ana: TestUser;
  let bo: TestUser;
  let campaignId: string;
  let gmClient: VttClient;
  let gmt: TableConnection;

  async function act(type: string, payload: unknown): Promise<void> {
    await gmt.action(type, payload as never);
  }

  beforeAll(async () => {
    server = await startTestServer(WITH_EXAMPLES);
    gm = await setupAdmin(server, 'gwen', PASSWORD);
    ana = await addUser(server, gm, 'ana', PASSWORD);
    bo = await addUser(server, gm, 'bo', PASSWORD);
    campaignId = await tokenTable(server, gm, ana, bo);
    gmClient = await loggedIn(server.url, 'gwen');
    gmt = gmClient.join(campaignId);
    await gmt.ready();
    await act('core:create-scene', {
      id: 'hall',
      name: 'Hall',
      width: 1000,
      height: 700,
      grid: SQUARE,
    });
    await act('core:create-token', {
      id: 'h-ayla',
      sceneId: 'hall',
      name: 'Ayla',
      x: 100,
      y: 100,
      actorId: 'ayla',
      bars: { hp: { value: 9, max: 12 } },
    });
    await act('core:create-token', {
      id: 'h-ogre',
      sceneId: 'hall',
      name: 'Ogre',
      x: 400,
      y: 200,
      width: 2,
      height: 2,
      elevation: 10,
      statuses: ['prone'],
      bars: { hp: { value: 20, max: 90 } },
    });
    await act('core:create-token', {
      id: 'h-ghost',
      sceneId: 'hall',
      name: 'Ghost canary-9b1e',
      x: 700,
      y: 100,
      hidden: true,
    });
    await act('core:create-token', {
      id: 'h-far',
      sceneId: 'hall',
      name: 'Wight canary-4c2d',
      x: 800,
      y: 500,
    });
    await act('core:create-note', {
      id: 'n-door',
      sceneId: 'hall',
      x: 250,
      y: 600,
      title: 'Secret door',
      visibility: 'public',
    }).catch(() => {});
    await act('core:create-template', {
      id: 'tp-fire',
      sceneId: 'hall',
      shape: 'circle',
      origin: { x: 500, y: 300 },
      size: 10,
      color: '#f97316',
      visibility: 'public',
    });
    await act('core:create-drawing', {
      id: 'd-wall',
      sceneId: 'hall',
      shape: 'line',
      x: 50,
      y: 650,
      points: [
        { x: 0, y: 0 },
        { x: 600, y: 0 },
      ],
      strokeColor: '#1d4ed8',
      strokeWidth: 6,
      visibility: 'public',
    });
    await act('core:create-scene', {
      id: 'hexes',
      name: 'Hexes',
      width: 900,
      height: 700,
      grid: POINTY,
    });
    await act('core:create-scene', {
      id: 'flats',
      name: 'Flats',
      width: 900,
      height: 700,
      grid: FLAT,
    });
    for (const [scene, grid] of [
      ['hexes', POINTY],
      ['flats', FLAT],
    ] as const) {
      const at = [
        { x: 100, y: 100 },
        { x: 333, y: 270 },
        { x: 610, y: 420 },
      ];
      for (const [i, p] of at.entries()) {
        const snapped = snapTokenPosition({ width: 1, height: 1 }, grid, p);
        await act('core:create-token', {
          id: `${scene}-${i}`,
          sceneId: scene,
          name: `H${i}`,
          ...snapped,
        });
      }
    }
    harness = await startElementHarness(ENTRY, { backend: server.url });
  }, 180_000);

  afterAll(async () => {
    gmt?.close();
    await harness?.close();
    await server?.dispose();
  }, 60_000);

  async function openMap(
    user: string,
    sceneId: string,
    options: { dark?: boolean; touch?: boolean; height?: number } = {},
  ): Promise<Opened> {
    const context = await harness.browser.newContext(
      options.touch
        ? { viewport: { width: 390, height: 844 }, hasTouch: true }
        : { viewport: { width: 760, height: 720 } },
    );
    const page = await context.newPage();
    const errors: string[] = [];
    const frames: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
    await page.goto(`${harness.server.origin}/`);
    const theme = options.dark ? 'dark' : 'light';
    const height = options.height ?? (options.touch ? 700 : 660);
    await inPage(page, 'mount', sceneId, theme, height);
    await inPage(page, 'join', user, PASSWORD, campaignId);
    await page.locator('vtt-map .token').first().waitFor();
    return { page, context, errors, frames };
  }

  /** Where the map shows a token: the scene point under its element's box centre, and its transform. */
  function rendered(page: Page, tokenId: string): Promise<RenderedToken> {
    return inPage(page, 'rendered', tokenId);
  }

  const token = (id: string): Token => gmt.view!.tokens.get(id)!;

  it('renders square and hex scenes with tokens at the cells core computes', async () => {
    for (const [sceneId, grid, dark] of [
      ['hall', SQUARE, false],
      ['hexes', POINTY, true],
      ['flats', FLAT, false],
    ] as const) {
      const { page, context, errors } = await openMap('gwen', sceneId, { dark });
      const ids = gmt.view!.tokens.filter((t) => t.sceneId === sceneId).map((t) => t.id);
      expect(await page.locator('vtt-map .token').count()).toBe(ids.length);
      for (const id of ids) {
        const t = token(id);
        const shown = await rendered(page, id);
        expect(shown.transform).toBe(`translate(${t.x} ${t.y})`);
        const expected = tokenCentre(t, grid, t);
        expect(shown.centre.x).toBeCloseTo(expected.x, 0);
        expect(shown.centre.y).toBeCloseTo(expected.y, 0);
        // A one-cell token's centre is a cell centre; even-sized ones sit on grid corners.
        if (t.width === 1) expect(cellAt(grid, shown.centre)).toEqual(cellAt(grid, expected));
        else expect(footprintCells(t, { grid })).toHaveLength(t.width * t.height);
      }
      const gridPathText = await page.locator('vtt-map .grid').getAttribute('d');
      expect(gridPathText?.length ?? 0).toBeGreaterThan(100);
      if (sceneId === 'hall') {
        await expect
          .poll(() => page.locator('vtt-map [data-token-id="h-ghost"][data-hidden]').count())
          .toBe(1);
        expect(await page.locator('vtt-map .note .note-title').textContent()).toBe('Secret door');
        expect(
          await page.locator('vtt-map [data-token-id="h-ogre"][data-in-template]').count(),
        ).toBe(1);
        expect(
          await page.locator('vtt-map [data-token-id="h-ogre"] .elevation').textContent(),
        ).toContain('+10');
        await saveScreenshot(page.locator('vtt-map'), 'map-square-light');
      }
      if (sceneId === 'hexes') await saveScreenshot(page.locator('vtt-map'), 'map-hex-dark');
      if (sceneId === 'flats') await saveScreenshot(page.locator('vtt-map'), 'map-hex-flat-light');
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 90_000);

  it('lets the GM drag a token: snapped, ruler in feet as core measures, position at the server', async () => {
    const { page, context } = await openMap('gwen', 'hall');
    const ogre = token('h-ogre');
    const start = await rendered(page, 'h-ogre');
    const cell = 100 * start.scale;
    await page.mouse.move(start.screen.x, start.screen.y);
    await page.mouse.down();
    await page.mouse.move(start.screen.x + cell * 1.5, start.screen.y + cell * 0.4, { steps: 5 });
    await page.mouse.move(start.screen.x + cell * 3.2, start.screen.y + cell * 1.1, { steps: 5 });
    const expectedAt = snapTokenPosition(ogre, SQUARE, { x: ogre.x + 320, y: ogre.y + 110 });
    const expectedDistance = measure(
      SQUARE,
      tokenCentre(ogre, SQUARE, ogre),
      tokenCentre(ogre, SQUARE, expectedAt),
      { diagonals: '5-5-5' },
    );
    const ruler = page.locator('vtt-map .ruler');
    expect(await ruler.getAttribute('data-distance')).toBe(String(expectedDistance));
    expect(await ruler.locator('text').textContent()).toBe(`${expectedDistance} ft`);
    expect(expectedDistance).toBe(15);
    await saveScreenshot(page.locator('vtt-map'), 'map-drag-ruler');
    await page.mouse.up();
    await until(
      gmt,
      () => token('h-ogre').x === expectedAt.x && token('h-ogre').y === expectedAt.y,
      'ogre moved',
    );
    expect(await ruler.getAttribute('display')).toBe('none');
    await act('core:move-token', { tokenId: 'h-ogre', x: 400, y: 200 });
    await context.close();
  }, 60_000);

  it("offers a player no handle on the GM's token, and a forced move is refused and snaps back", async () => {
    const { page, context } = await openMap('ana', 'hall');
    const ogre = page.locator('vtt-map [data-token-id="h-ogre"]');
    expect(await ogre.getAttribute('data-movable')).toBeNull();
    expect(await ogre.getAttribute('tabindex')).toBe('-1');
    expect(
      await page.locator('vtt-map [data-token-id="h-ayla"]').getAttribute('data-movable'),
    ).toBe('');
    const before = await rendered(page, 'h-ogre');
    await page.mouse.move(before.screen.x, before.screen.y);
    await page.mouse.down();
    await page.mouse.move(before.screen.x + 120, before.screen.y + 40, { steps: 4 });
    expect(await page.locator('vtt-map .ruler').getAttribute('display')).toBe('none');
    await page.mouse.up();
    expect(await ogre.getAttribute('transform')).toBe('translate(400 200)');
    const code = await inPage(page, 'forceMove', 'h-ogre', 0, 0);
    expect(code).toBe('VTT_ERR_PERMISSION_NOT_OWNER');
    await expect.poll(() => ogre.getAttribute('transform')).toBe('translate(400 200)');
    expect(token('h-ogre').x).toBe(400);
    await context.close();
  }, 60_000);

  it('keeps hidden and fogged tokens out of the player page; GM fog translucent, player opaque', async () => {
    const gmPage = await openMap('gwen', 'hall');
    const { page } = gmPage;
    await page.locator('vtt-map button[data-action="fog"]').click();
    await until(gmt, () => gmt.view!.scenes.get('hall')!.fog.enabled, 'fog on');
    await page.locator('vtt-map button[data-tool="reveal"]').click();
    const a = await rendered(page, 'h-ayla');
    const step = 100 * a.scale;
    // Reveal a band of cells over columns 0-5 of rows 1-3 by painting along them.
    await page.mouse.move(a.screen.x - step, a.screen.y - step * 0);
    await page.mouse.down();
    for (const row of [0, 1, 2]) {
      for (let col = -1; col <= 5; col++) {
        await page.mouse.move(a.screen.x + col * step, a.screen.y + row * step);
      }
    }
    await page.mouse.up();
    await until(gmt, () => gmt.view!.scenes.get('hall')!.fog.ops.length > 0, 'fog painted');
    const fog = page.locator('vtt-map .fog');
    await expect.poll(async () => (await fog.getAttribute('d'))?.length ?? 0).toBeGreaterThan(0);
    expect(await fog.getAttribute('data-gm')).toBe('');
    expect(await inPage(page, 'fogOpacity')).toBeLessThan(1);
    await page.locator('vtt-map button[data-tool="reveal"]').click();
    await saveScreenshot(page.locator('vtt-map'), 'map-fog-gm');

    const player = await openMap('ana', 'hall');
    // The GM moves the fogged token while the player watches: still nothing of it may arrive.
    await act('core:move-token', { tokenId: 'h-far', x: 700, y: 500 });
    await act('core:update-token', { tokenId: 'h-ghost', patch: { name: 'Ghost canary-9b1e!' } });
    await act('core:move-token', { tokenId: 'h-ogre', x: 400, y: 200 }).catch(() => {});
    await player.page.waitForTimeout(300);
    const html = await inPage(player.page, 'shadowHtml');
    for (const secret of ['h-far', 'h-ghost', 'Wight', 'Ghost', 'canary'])
      expect(html).not.toContain(secret);
    expect(player.frames.length).toBeGreaterThan(0);
    for (const frame of player.frames) expect(frame).not.toContain('canary');
    const playerFog = player.page.locator('vtt-map .fog');
    expect(await playerFog.getAttribute('data-gm')).toBeNull();
    expect(await inPage(player.page, 'fogOpacity')).toBe(1);
    expect(await player.page.locator('vtt-map button[data-tool="reveal"]').count()).toBe(0);
    await saveScreenshot(player.page.locator('vtt-map'), 'map-fog-player');
    await act('core:configure-fog', { sceneId: 'hall', enabled: false, clear: true });
    await player.context.close();
    await gmPage.context.close();
  }, 90_000);

  it('zooms at the wheel, pans by drag and keys, moves a focused token with the arrow keys', async () => {
    const { page, context } = await openMap('gwen', 'hall');
    const map = page.locator('vtt-map');
    const transform = () => inPage(page, 'transform');
    const t0 = await transform();
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + 300, box.y + 300);
    await page.mouse.wheel(0, -300);
    const t1 = await transform();
    expect(t1.scale).toBeGreaterThan(t0.scale);
    // The scene point under the cursor stays under it.
    expect(Math.abs((300 - t1.x) / t1.scale - (300 - t0.x) / t0.scale)).toBeLessThan(3);
    await page.mouse.move(box.x + 620, box.y + 620);
    await page.mouse.down();
    await page.mouse.move(box.x + 560, box.y + 580, { steps: 4 });
    await page.mouse.up();
    const t2 = await transform();
    expect(t2.x).toBeCloseTo(t1.x - 60, 0);
    expect(t2.y).toBeCloseTo(t1.y - 40, 0);
    await page.keyboard.press('ArrowLeft');
    expect((await transform()).x).toBeCloseTo(t2.x + 60, 0);
    await page.keyboard.press('-');
    expect((await transform()).scale).toBeLessThan(t2.scale);
    for (let i = 0; i < 40; i++) await page.keyboard.press('-');
    expect((await transform()).scale).toBe(0.1);

    await page.locator('vtt-map [data-token-id="h-ayla"]').focus();
    await page.keyboard.press('ArrowRight');
    await until(gmt, () => token('h-ayla').x === 200 && token('h-ayla').y === 100, 'ayla right');
    await page.keyboard.press('ArrowDown');
    await until(gmt, () => token('h-ayla').y === 200, 'ayla down');
    await act('core:move-token', { tokenId: 'h-ayla', x: 100, y: 100 });
    await context.close();
  }, 60_000);

  it('moves a token by touch on a 390x844 phone, and pings reach the other page', async () => {
    const phone = await openMap('ana', 'hall', { touch: true });
    const { page } = phone;
    const a = await rendered(page, 'h-ayla');
    const cdp = await phone.context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }],
      });
    const step = 100 * a.scale;
    await touch('touchStart', a.screen.x, a.screen.y);
    for (let i = 1; i <= 6; i++)
      await touch('touchMove', a.screen.x + (step * 2 * i) / 6, a.screen.y + (step * i) / 6);
    await touch('touchEnd', 0, 0);
    await until(gmt, () => token('h-ayla').x === 300 && token('h-ayla').y === 200, 'ayla by touch');
    await saveScreenshot(page, 'map-phone-touch');

    const gmPage = await openMap('gwen', 'hall');
    const box = (await gmPage.page.locator('vtt-map').boundingBox())!;
    await gmPage.page.keyboard.down('Alt');
    await gmPage.page.mouse.click(box.x + 500, box.y + 500);
    await gmPage.page.keyboard.up('Alt');
    await page.locator(`vtt-map .ping[data-from="${gm.id}"]`).waitFor({ timeout: 5000 });
    expect(await gmPage.page.locator('vtt-map .ping').count()).toBe(1);
    await act('core:move-token', { tokenId: 'h-ayla', x: 100, y: 100 });
    await gmPage.context.close();
    await phone.context.close();
  }, 60_000);

  it('lets the GM hide a selected token from the players', async () => {
    const gmPage = await openMap('gwen', 'hall');
    const player = await openMap('ana', 'hall');
    const ayla = player.page.locator('vtt-map [data-token-id="h-ayla"]');
    expect(await ayla.count()).toBe(1);
    const a = await rendered(gmPage.page, 'h-ayla');
    await gmPage.page.mouse.click(a.screen.x, a.screen.y);
    await gmPage.page.locator('vtt-map button[data-action="toggle-hidden"]').click();
    await until(gmt, () => token('h-ayla').hidden, 'hidden');
    await expect.poll(() => ayla.count()).toBe(0);
    await expect
      .poll(() => gmPage.page.locator('vtt-map [data-token-id="h-ayla"][data-hidden]').count())
      .toBe(1);
    await act('core:update-token', { tokenId: 'h-ayla', patch: { hidden: false } });
    await gmPage.context.close();
    await player.context.close();
  }, 60_000);

  it('renders a 500-token scene and a drag updates it', async () => {
    await act('core:create-scene', {
      id: 'horde',
      name: 'Horde',
      width: 2500,
      height: 2000,
      grid: { ...SQUARE, size: 50 },
    });
    // Five GM connections of 100 creations each, 25 a second: under the per-connection rate limit.
    const lanes = Array.from({ length: 5 }, () => gmClient.join(campaignId));
    await Promise.all(
      lanes.map(async (lane, l) => {
        await lane.ready();
        for (let batch = 0; batch < 4; batch++) {
          const sent: Promise<unknown>[] = [];
          for (let k = 0; k < 25; k++) {
            const i = l * 100 + batch * 25 + k;
            sent.push(
              lane.action('core:create-token', {
                id: `z-${i}`,
                sceneId: 'horde',
                name: `Z${i}`,
                x: (i % 25) * 100,
                y: Math.floor(i / 25) * 100,
              }),
            );
          }
          await Promise.all([...sent, new Promise((resolve) => setTimeout(resolve, 1100))]);
        }
        lane.close();
      }),
    );
    await until(
      gmt,
      () => gmt.view!.tokens.filter((t) => t.sceneId === 'horde').length === 500,
      '500 tokens',
    );
    const { page, context, errors } = await openMap('gwen', 'horde');
    expect(await page.locator('vtt-map .token').count()).toBe(500);
    const z = await rendered(page, 'z-0');
    const step = 50 * z.scale;
    await page.mouse.move(z.screen.x, z.screen.y);
    await page.mouse.down();
    await page.mouse.move(z.screen.x + step * 1.1, z.screen.y + step * 1.1, { steps: 6 });
    await page.mouse.up();
    await until(gmt, () => token('z-0').x === 50 && token('z-0').y === 50, 'z-0 dragged');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

/**
 * The app end to end in Chromium, as a GM on a fresh server uses it: a
 * fresh browser build served by the server's web-app plugin, a real server
 * with the example systems and an empty data folder. The GM opens the setup
 * link, sets up, creates a D&D 5e campaign, uploads a map and aligns its
 * grid, creates an invite; a friend opens the invite in another browser,
 * registers and sees the scene at the table; a phone shows the table too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/build-browser.mjs';
import {
  TcpProxy,
  WITH_EXAMPLES,
  startTestServer,
  type TestServer,
} from '../client/test-support/table-fixture.js';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumSkipReason,
  saveScreenshot,
} from '../test-support/browser-harness.js';

const skip = chromiumSkipReason('vtt-app.test.ts') !== null;
const PASSWORD = 'correct horse battery';

/** A 700×500 PNG map: a floor with a 70 px grid drawn on it. */
async function mapPng(): Promise<Buffer> {
  const lines: string[] = [];
  for (let x = 0; x <= 700; x += 70) lines.push(`<line x1="${x}" y1="0" x2="${x}" y2="500"/>`);
  for (let y = 0; y <= 500; y += 70) lines.push(`<line x1="0" y1="${y}" x2="700" y2="${y}"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="500">
    <rect width="700" height="500" fill="#c8b48a"/>
    <rect x="140" y="70" width="350" height="280" fill="#8a7a5a"/>
    <g stroke="#5b4a2e" stroke-width="2">${lines.join('')}</g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe.skipIf(skip)('<vtt-app> in Chromium', () => {
  let outDir: string;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'vtt-app-build-'));
    await buildBrowser({ outDir, quiet: true });
    server = await startTestServer({ ...WITH_EXAMPLES, webAppDir: outDir });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await rm(outDir, { recursive: true, force: true });
  });

  it('takes a GM from the setup link to a table a friend joins with an invite', async () => {
    expect(server.setupUrl).not.toBeNull();
    const gmContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const gm = await gmContext.newPage();
    const gmErrors = watchErrors(gm);

    // First run: the one-time link; the secret leaves the address bar at once.
    await gm.goto(server.setupUrl!);
    await expect.poll(() => gm.url()).toBe(`${server.url}/setup`);
    await gm.getByLabel('User name').fill('gm');
    await gm.getByLabel('Display name').fill('Game Master');
    await gm.getByLabel('Password').fill(PASSWORD);
    await saveScreenshot(gm, 'app-setup');
    await gm.getByRole('button', { name: 'Create the admin account' }).click();

    // A D&D 5e campaign.
    await gm.getByRole('heading', { name: 'New campaign' }).waitFor();
    await gm.getByLabel('Name').fill('Lost Mine');
    const dnd = gm.getByRole('radio', { name: /D&D 5e/ });
    await dnd.check();
    await saveScreenshot(gm, 'app-new-campaign');
    await gm.getByRole('button', { name: 'Create campaign' }).click();
    await gm.getByRole('heading', { name: 'Lost Mine: prepare' }).waitFor();
    const campaignId = /\/c\/([^/]+)\/manage$/.exec(gm.url())?.[1];
    expect(campaignId).toBeDefined();

    // A scene from an uploaded map, its grid aligned to the map's 70 px squares.
    await gm.getByLabel('Scene name').fill('Cragmaw Hideout');
    await gm.getByLabel(/Map image/).setInputFiles({
      name: 'cave.png',
      mimeType: 'image/png',
      buffer: await mapPng(),
    });
    await gm.getByRole('button', { name: 'Upload and create scene' }).click();
    await gm.getByRole('heading', { name: 'Align the grid of Cragmaw Hideout' }).waitFor();
    await expect
      .poll(() => gm.getByRole('list', { name: 'Scenes' }).innerText())
      .toContain('700×500');
    await gm.getByLabel('Cell size (px)').fill('70');
    await gm.getByRole('button', { name: 'Save grid' }).click();
    await gm.getByText('Grid saved').waitFor();
    // The map's bytes came back through the asset route into the preview.
    await gm.locator('[part=grid-preview] image').waitFor({ state: 'attached' });
    await saveScreenshot(gm.locator('section[aria-labelledby=scene-title]'), 'app-scene-upload');

    // A creature from the system's compendium.
    await gm.getByLabel('Pack').fill('srd-monsters');
    await gm.getByLabel('Entry').fill('goblin');
    await gm.getByRole('button', { name: 'Import', exact: true }).click();
    await gm
      .getByRole('list', { name: 'Actors' })
      .getByText('Goblin')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        const alert = await gm.getByRole('alert').allInnerTexts();
        throw new Error(`no actor: ${alert.join(' / ')}`, { cause: error });
      });

    // An invite link.
    await gm.getByRole('button', { name: 'Create invite link' }).click();
    const inviteField = gm.getByLabel('Invite link');
    await inviteField.waitFor();
    const inviteUrl = await inviteField.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/join#.{16,}`));

    // The grid was saved on the scene, as the server has it.
    await gm.getByRole('link', { name: 'Go to the table' }).click();
    await gm.getByRole('region', { name: 'Map' }).getByText('Cragmaw Hideout').waitFor();
    await gm.getByRole('tab', { name: 'Chat' }).click();
    const chatInput = gm.locator('vtt-chat-log textarea, vtt-chat-log input').first();
    await chatInput.fill('Welcome to Phandalin!');
    await chatInput.press('Enter');
    await gm.locator('vtt-chat-log').getByText('Welcome to Phandalin!').waitFor();
    await saveScreenshot(gm, 'app-table-gm');

    // The campaign list.
    await gm.getByRole('link', { name: 'Back to your campaigns' }).click();
    await gm.getByRole('list', { name: 'Campaigns' }).getByText('Lost Mine').waitFor();
    await saveScreenshot(gm, 'app-campaigns');

    // The friend, in another browser: the invite, an account, the table with the scene.
    const playerContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
    });
    const player = await playerContext.newPage();
    const playerErrors = watchErrors(player);
    await player.goto(inviteUrl);
    await expect.poll(() => player.url()).toBe(`${server.url}/join`);
    await player.getByRole('heading', { name: "You're invited!" }).waitFor();
    const register = player.getByRole('form', { name: "You're invited!" });
    await register.getByLabel('User name').fill('ana');
    await register.getByLabel('Password').fill(PASSWORD);
    await register.getByRole('button', { name: 'Create account and join' }).click();
    await expect.poll(() => player.url()).toBe(`${server.url}/c/${campaignId}`);
    const playerMap = player.getByRole('region', { name: 'Map' });
    await playerMap.getByText('Cragmaw Hideout').waitFor();
    // The map's image reached the player (a public asset of a scene the player sees).
    await expect
      .poll(() =>
        playerMap
          .locator('vtt-map, img[alt="Map of Cragmaw Hideout"]')
          .first()
          .evaluate(async (el) => {
            type Img = { naturalWidth: number; src: string; decode(): Promise<void> };
            if (el.tagName === 'IMG') return (el as unknown as Img).naturalWidth;
            // <vtt-map> draws the map as an SVG <image>: load its URL and measure it.
            const root = (el as unknown as { shadowRoot: { querySelector(s: string): unknown } })
              .shadowRoot;
            const image = root.querySelector('image.map-image') as {
              getAttribute(name: string): string | null;
            } | null;
            const href = image?.getAttribute('href');
            if (!href) return 0;
            const g = globalThis as unknown as { Image: new () => Img };
            const probe = new g.Image();
            probe.src = href;
            await probe.decode();
            return probe.naturalWidth;
          }),
      )
      .toBe(700);
    await player.getByRole('heading', { name: 'Lost Mine' }).waitFor();
    await player.locator('vtt-chat-log').getByText('Welcome to Phandalin!').waitFor();
    expect(await player.getByRole('link', { name: 'Prepare' }).count()).toBe(0);
    await saveScreenshot(player, 'app-table-player');

    // Keyboard alone: the tabs follow the arrow keys; the dice roller rolls on the table.
    await player.getByRole('tab', { name: 'Chat' }).focus();
    await player.keyboard.press('ArrowRight');
    await expect
      .poll(() => player.getByRole('tab', { name: 'Dice' }).getAttribute('aria-selected'))
      .toBe('true');
    const notation = player.locator('vtt-dice-roller [part=input]');
    await notation.fill('2d6+3');
    await notation.press('Enter');
    // The roll is the table's: it reaches the GM's chat as a message with its roll.
    await gm.getByRole('link', { name: 'Play' }).click();
    await gm.getByRole('tab', { name: 'Chat' }).click();
    const rolled = gm.locator('vtt-chat-log [part=message][data-roll]').first();
    await rolled.waitFor();
    expect(await rolled.innerText()).toContain('2d6+3');

    // The same friend on a phone: full-screen map, panels as a bottom tab bar.
    const phoneContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const phone = await phoneContext.newPage();
    const phoneErrors = watchErrors(phone);
    await phone.goto(`${server.url}/c/${campaignId}`);
    await phone.getByRole('heading', { name: 'Log in' }).waitFor();
    await phone.getByLabel('User name').fill('ana');
    await phone.getByLabel('Password').fill(PASSWORD);
    await phone.getByRole('button', { name: 'Log in' }).tap();
    await phone.getByRole('link', { name: 'Play' }).tap();
    await phone.getByRole('region', { name: 'Map' }).getByText('Cragmaw Hideout').waitFor();
    const panel = phone.getByRole('tabpanel');
    expect(await panel.isVisible()).toBe(false);
    const chatTab = phone.getByRole('tab', { name: 'Chat' });
    await saveScreenshot(phone, 'app-table-phone');
    const box = await chatTab.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    await chatTab.tap();
    await phone.locator('vtt-chat-log').getByText('Welcome to Phandalin!').waitFor();
    await saveScreenshot(phone, 'app-table-phone-chat');
    await phone.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);

    // Installable: the service worker cached the shell and, of the API, asset bytes only.
    const cached = await gm.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const out: Record<string, string[]> = {};
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        out[key] = (await cache.keys()).map((r) => new URL(r.url).pathname);
      }
      return out;
    });
    const shell = Object.entries(cached).find(([key]) => key.startsWith('vtt-shell-'));
    expect(shell?.[1]).toEqual(
      expect.arrayContaining(['/', '/vtt-app.js', '/manifest.webmanifest']),
    );
    const apiPaths = Object.values(cached)
      .flat()
      .filter((path) => path.startsWith('/api/'));
    for (const path of apiPaths) expect(path).toMatch(/^\/api\/campaigns\/[^/]+\/assets\/[^/]+$/);

    expect(gmErrors).toEqual([]);
    expect(playerErrors).toEqual([]);
    expect(phoneErrors).toEqual([]);
    await Promise.all([gmContext.close(), playerContext.close(), phoneContext.close()]);
  }, 120_000);

  // Uses the campaign and the player `ana` of the test above.
  it('shows "Reconnecting…" while the connection is down, and clears it when it is back', async () => {
    const proxy = await TcpProxy.start(server.url);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${proxy.url}/login`);
      await page.getByLabel('User name').fill('ana');
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Play' }).click();
      await page.getByRole('heading', { name: 'Lost Mine' }).waitFor();
      const banner = page.locator('vtt-app-table [part=banner]');
      await expect.poll(() => banner.count()).toBe(0);
      proxy.cut();
      await banner.getByText('Reconnecting…').waitFor();
      await saveScreenshot(page, 'app-table-reconnecting');
      proxy.restore();
      await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await proxy.close();
    }
  }, 60_000);
});

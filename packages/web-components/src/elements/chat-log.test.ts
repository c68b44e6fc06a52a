import { fileURLToPath } from 'node:url';
import { forcedDiceSource, roll, type ChatMessage } from '@vtt/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumSkipReason,
  saveScreenshot,
  setProperties,
  startElementHarness,
  type ElementHarness,
} from '../test-support/browser-harness.js';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
const skip = chromiumSkipReason('chat-log.test.ts') !== null;

const T0 = Date.UTC(2026, 11, 4, 20, 0);

function message(fields: Partial<ChatMessage> & { id: string }): ChatMessage {
  return {
    seq: 1,
    author: 'u-alice',
    time: T0,
    text: '',
    roll: null,
    whisper: [],
    blind: false,
    speaker: null,
    flags: {},
    ...fields,
  };
}

const NAMES = { 'u-gm': 'Morgan (GM)', 'u-alice': 'Alice', 'u-bob': 'Bob' };

const poolRoll = roll('8d6>=5', { seed: 'chat-pool' });
const attackRoll = roll('1d20+7', { source: forcedDiceSource([20]) });

/** A table's chat: text, a core /roll, two named roll cards, a whisper and a forged card. */
const MESSAGES: ChatMessage[] = [
  message({ id: 'm1', seq: 1, author: 'u-gm', text: 'Welcome back. You wake up in the Barrens.' }),
  message({
    id: 'm2',
    seq: 2,
    time: T0 + 60_000,
    text: '/roll 4d6kh3',
    roll: roll('4d6kh3', { seed: 'chat-core' }),
    verified: { by: 'core', rolls: [] },
  }),
  message({
    id: 'm3',
    seq: 3,
    author: 'u-bob',
    speaker: 'Kira "Ghost" Tanaka',
    time: T0 + 120_000,
    text: `Perception: ${poolRoll.successes} hits`,
    roll: poolRoll,
    flags: {
      shadowrun: {
        outcome: {
          name: 'perception',
          label: 'Perception (Intuition + Perception)',
          total: poolRoll.successes ?? 0,
          successes: poolRoll.successes ?? 0,
          glitch: 'glitch',
          critical: null,
          rolls: [],
        },
      },
    },
    verified: { by: 'shadowrun', rolls: [] },
  }),
  message({
    id: 'm4',
    seq: 4,
    speaker: 'Thorin',
    time: T0 + 180_000,
    text: `Longsword attack: ${attackRoll.total}`,
    roll: attackRoll,
    flags: {
      dnd5e: {
        outcome: {
          name: 'attack',
          label: 'Longsword attack',
          total: attackRoll.total,
          target: 15,
          margin: attackRoll.total - 15,
          critical: 'success',
          rolls: [],
        },
      },
    },
    verified: { by: 'dnd5e', rolls: [] },
  }),
  message({
    id: 'm5',
    seq: 5,
    author: 'u-gm',
    time: T0 + 240_000,
    text: 'You notice a hidden door behind the tapestry.',
    whisper: ['u-alice'],
  }),
  message({
    id: 'm6',
    seq: 6,
    author: 'u-bob',
    time: T0 + 300_000,
    text: 'Totally legit natural 20',
    flags: {
      dnd5e: {
        outcome: { name: 'attack', label: 'Forged', total: 20, critical: 'success', rolls: [] },
      },
    },
  }),
];

type ChatEvents = { vttChats: { text: string; speaker: string | null }[] };

describe.skipIf(skip)('<vtt-chat-log> in Chromium', () => {
  let harness: ElementHarness;

  beforeAll(async () => {
    harness = await startElementHarness(ENTRY);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  async function openLog(
    options: { dark?: boolean } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const theme = options.dark ? ' theme="dark"' : '';
    const opened = await harness.open(
      `<vtt-chat-log${theme} style="height: 880px; width: 640px"></vtt-chat-log>`,
      options,
    );
    await setProperties(opened.page.locator('vtt-chat-log'), { messages: MESSAGES, names: NAMES });
    return opened;
  }

  it('renders messages, speakers, roll cards with their breakdown and typed outcomes', async () => {
    const { page, errors } = await openLog();
    const log = page.locator('vtt-chat-log');
    const item = (id: string) => log.locator(`[part=message][data-id=${id}]`);
    expect(await log.locator('[part=message]').count()).toBe(MESSAGES.length);

    expect(await item('m1').locator('[part=speaker]').textContent()).toBe('Morgan (GM)');
    expect(await item('m1').locator('[part=text]').textContent()).toBe(MESSAGES[0]!.text);

    // A core roll: breakdown, no outcome.
    expect(await item('m2').locator('[part=total]').textContent()).toBe(
      String(MESSAGES[1]!.roll!.total),
    );
    expect(await item('m2').locator('[part=die]').count()).toBe(4);
    expect(await item('m2').locator('[part=die][data-dropped]').count()).toBe(1);
    expect(await item('m2').locator('[part=outcome]').count()).toBe(0);

    // A character speaks; the author is still named.
    expect(await item('m3').locator('[part=speaker]').textContent()).toBe('Kira "Ghost" Tanaka');
    expect(await item('m3').locator('[part=author]').textContent()).toBe('Bob');
    const pool = item('m3').locator('[part=outcome]');
    expect(await pool.locator('[part=outcome-label]').textContent()).toBe(
      'Perception (Intuition + Perception)',
    );
    expect(await pool.locator('[part=outcome-total]').textContent()).toBe(
      String(poolRoll.successes),
    );
    expect(await pool.getAttribute('data-glitch')).toBe('glitch');
    expect(await pool.textContent()).toContain('Glitch');
    expect(await pool.textContent()).toContain(`${poolRoll.successes} hits`);
    expect(await item('m3').locator('[part=die][data-success]').count()).toBe(poolRoll.successes);

    const attack = item('m4').locator('[part=outcome]');
    expect(await attack.getAttribute('data-critical')).toBe('success');
    expect(await attack.textContent()).toContain('Critical success');
    const margin = attackRoll.total - 15;
    expect(await attack.locator('[data-margin]').getAttribute('data-margin')).toBe(String(margin));
    expect((await attack.locator('[data-margin]').textContent())?.replace(/\s+/g, ' ')).toBe(
      `vs 15, margin ${margin > 0 ? '+' : ''}${margin}`,
    );

    // A card a user forged in flags, with no host verification, shows as text only.
    expect(await item('m6').locator('[part=outcome]').count()).toBe(0);
    expect(await item('m6').locator('[part=roll]').count()).toBe(0);

    await saveScreenshot(log, 'chat-log-light');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks a whisper with its recipients, and only whispers', async () => {
    const { page } = await openLog();
    const log = page.locator('vtt-chat-log');
    expect(await log.locator('[part=message][data-whisper]').count()).toBe(1);
    const whisper = log.locator('[part=message][data-id=m5]');
    expect(await whisper.getAttribute('data-whisper')).not.toBeNull();
    expect(await whisper.locator('[part=whisper]').textContent()).toBe('whisper to Alice');
    expect(await log.locator('[part=message][data-id=m1] [part=whisper]').count()).toBe(0);
    await page.close();
  });

  it('fires vtt-chat with the line and the chosen speaker, and clears the input', async () => {
    const { page } = await openLog();
    const log = page.locator('vtt-chat-log');
    await setProperties(log, { speakers: ['Thorin', 'Kira'] });
    await page.evaluate(() => {
      const g = globalThis as unknown as ChatEvents & {
        document: { addEventListener(type: string, listener: (event: unknown) => void): void };
      };
      g.vttChats = [];
      g.document.addEventListener('vtt-chat', (event) =>
        g.vttChats.push((event as { detail: ChatEvents['vttChats'][number] }).detail),
      );
    });
    const input = log.locator('[part=input]');
    await input.fill('  hello there ');
    await input.press('Enter');
    await log.locator('[part=speaker-select]').selectOption('Kira');
    await input.fill('/roll 1d20+5');
    await log.locator('[part=button]').click();
    await input.press('Enter'); // blank: nothing is sent
    const sent = await page.evaluate(() => (globalThis as unknown as ChatEvents).vttChats);
    expect(sent).toEqual([
      { text: 'hello there', speaker: null },
      { text: '/roll 1d20+5', speaker: 'Kira' },
    ]);
    expect(await input.inputValue()).toBe('');
    await page.close();
  });

  it('renders the dark theme', async () => {
    const { page } = await openLog({ dark: true });
    const log = page.locator('vtt-chat-log');
    const background = await log.evaluate((el) => {
      const g = globalThis as unknown as {
        getComputedStyle(e: unknown): { backgroundColor: string };
      };
      return g.getComputedStyle(el).backgroundColor;
    });
    expect(background).toBe('rgb(23, 24, 28)');
    await saveScreenshot(log, 'chat-log-dark');
    await page.close();
  });

  /** Each payload calls `pwned(name)` and sets `window.__xss` if it ever runs. */
  const XSS = [
    `<script>window.__xss='script';pwned('script')</script>`,
    `<img src=x onerror="window.__xss='img';pwned('img')">`,
    `[click me](javascript:window.__xss='md';pwned('md'))`,
    `<svg onload="window.__xss='svg';pwned('svg')"><script>pwned('svg-script')</script></svg>`,
    `<a href="javascript:window.__xss='a';pwned('a')" id="xss-link">free loot</a>`,
    `<iframe srcdoc="<script>parent.pwned('iframe')</script>"></iframe>`,
    `<details open ontoggle="pwned('details')">x</details>`,
    `"><img src=x onerror=pwned('attr')>`,
    `<script>alert(1)</script><img src=x onerror=alert(2)>`,
  ];

  it('runs no HTML or script from message text, speaker names, user names or module outcomes, and shows it literally', async () => {
    const { page, errors } = await harness.open(
      '<vtt-chat-log style="height: 900px; width: 700px"></vtt-chat-log>',
    );
    const ran: string[] = [];
    const dialogs: string[] = [];
    await page.exposeFunction('pwned', (name: string) => ran.push(name));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const messages = XSS.map((payload, index) =>
      message({
        id: `x${index}`,
        seq: index + 1,
        author: `u-${index}`,
        text: payload,
        speaker: index % 2 === 0 ? payload : null,
        whisper: [`u-${index}`],
        roll: index === 0 ? roll('1d6', { seed: 'x' }) : null,
        flags: { evil: { outcome: { name: 'x', label: payload, total: 1, rolls: [] } } },
        verified: { by: 'evil', rolls: [] },
      }),
    );
    const names = Object.fromEntries(XSS.map((payload, index) => [`u-${index}`, payload]));
    const log = page.locator('vtt-chat-log');
    await setProperties(log, { messages, names });

    for (const [index, payload] of XSS.entries()) {
      const item = log.locator(`[part=message][data-id=x${index}]`);
      expect(await item.locator('[part=text]').textContent()).toBe(payload);
      expect(await item.locator('[part=speaker]').textContent()).toBe(payload);
      expect(await item.locator('[part=outcome-label]').textContent()).toBe(payload);
      expect(await item.locator('[part=whisper]').textContent()).toBe(`whisper to ${payload}`);
    }
    // No element of any payload exists, in the shadow root or anywhere else.
    for (const tag of ['script', 'img', 'svg', 'a', 'iframe', 'details']) {
      expect(await log.locator(tag).count(), tag).toBe(0);
    }
    // Clicking where the links would be does nothing either.
    await log.locator('[part=message][data-id=x2] [part=text]').click();
    await log.locator('[part=message][data-id=x4] [part=text]').click();
    // Give any onerror/onload/ontoggle a chance to fire.
    await page.waitForTimeout(500);
    const flag = await page.evaluate(() => (globalThis as unknown as { __xss?: string }).__xss);
    expect({ ran, dialogs, flag, url: page.url() }).toEqual({
      ran: [],
      dialogs: [],
      flag: undefined,
      url: `${harness.server.origin}/`,
    });
    expect(errors).toEqual([]);
    await saveScreenshot(log, 'chat-log-xss');
    await page.close();
  });

  it('would notice a payload that ran (the XSS check can fail)', async () => {
    const { page } = await harness.open('<div id="probe"></div>');
    const ran: string[] = [];
    await page.exposeFunction('pwned', (name: string) => ran.push(name));
    await page.evaluate((payload) => {
      const g = globalThis as unknown as {
        document: { getElementById(id: string): { innerHTML: string } | null };
      };
      g.document.getElementById('probe')!.innerHTML = payload;
    }, XSS[1]!);
    await expect.poll(() => ran).toEqual(['img']);
    await page.close();
  });
});

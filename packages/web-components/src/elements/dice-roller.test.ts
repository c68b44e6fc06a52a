import { fileURLToPath } from 'node:url';
import { createRng, ERROR_CODES, isVttError, roll, type RollResult } from '@vtt/core';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumSkipReason,
  saveScreenshot,
  startElementHarness,
  type ElementHarness,
} from '../test-support/browser-harness.js';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
const skip = chromiumSkipReason('dice-roller.test.ts') !== null;

type EventLog = { vttRolls: { notation: string; source: string; result: RollResult }[] };

/** Rolls `notations` in order on one generator seeded `seed`, as the element's local roller does. */
function expectedRolls(seed: string, notations: readonly string[]): RollResult[] {
  const rng = createRng(seed);
  return notations.map((notation) => roll(notation, { rng }));
}

/** The first seed `seed-<n>` whose first roll of `notation` passes `test`. */
function findSeed(notation: string, test: (result: RollResult) => boolean): string {
  for (let n = 0; n < 10_000; n++) {
    const seed = `seed-${n}`;
    if (test(roll(notation, { seed }))) return seed;
  }
  throw new Error(`no seed found for ${notation}`);
}

const diceOf = (result: RollResult) =>
  result.terms.flatMap((term) => (term.type === 'dice' ? term.dice : []));

async function shownDice(result: Locator): Promise<{ value: string; state: string }[]> {
  const dice = result.locator('[part=die]');
  const shown: { value: string; state: string }[] = [];
  for (let i = 0; i < (await dice.count()); i++) {
    const die = dice.nth(i);
    shown.push({
      value: (await die.getAttribute('data-value')) ?? '',
      state: (await die.getAttribute('data-state')) ?? '',
    });
  }
  return shown;
}

async function rollIn(page: Page, notation: string): Promise<void> {
  const input = page.locator('vtt-dice-roller [part=input]');
  await input.fill(notation);
  await input.press('Enter');
}

async function recordRolls(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as EventLog & {
      document: { addEventListener(type: string, listener: (event: unknown) => void): void };
    };
    g.vttRolls = [];
    g.document.addEventListener('vtt-roll', (event) => {
      g.vttRolls.push((event as { detail: EventLog['vttRolls'][number] }).detail);
    });
  });
}

const takeRolls = (page: Page) => page.evaluate(() => (globalThis as unknown as EventLog).vttRolls);

describe.skipIf(skip)('<vtt-dice-roller> in Chromium', () => {
  let harness: ElementHarness;

  beforeAll(async () => {
    harness = await startElementHarness(ENTRY);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('rolls 4d6kh3 with a seed exactly as core does in Node, roll after roll, and fires vtt-roll', async () => {
    const seed = 'dice-roller-test';
    const [first, second] = expectedRolls(seed, ['4d6kh3', '4d6kh3']);
    const { page, errors } = await harness.open(
      `<vtt-dice-roller seed="${seed}"></vtt-dice-roller>`,
    );
    await recordRolls(page);
    await rollIn(page, '4d6kh3');
    await rollIn(page, '4d6kh3');

    const results = page.locator('vtt-dice-roller [part=result]');
    await expect.poll(() => results.count()).toBe(2);
    // Newest first.
    for (const [index, expected] of [second!, first!].entries()) {
      const shown = results.nth(index);
      expect(await shown.locator('[part=total]').textContent()).toBe(String(expected.total));
      const dice = diceOf(expected);
      expect(await shownDice(shown)).toEqual(
        dice.map((die) => ({
          value: String(die.value),
          state: die.dropped ? 'dropped' : 'kept',
        })),
      );
      const dropped = dice.findIndex((die) => die.dropped);
      expect(await shown.locator('[part=die]').nth(dropped).getAttribute('aria-label')).toBe(
        `d6: ${dice[dropped]!.value}, dropped`,
      );
    }
    const events = await takeRolls(page);
    expect(events.map((e) => [e.notation, e.source, e.result])).toEqual([
      ['4d6kh3', 'local', JSON.parse(JSON.stringify(first))],
      ['4d6kh3', 'local', JSON.parse(JSON.stringify(second))],
    ]);
    await saveScreenshot(page.locator('vtt-dice-roller'), 'dice-roller-light');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows successes of 10d6>=5 and marks each successful die', async () => {
    const seed = findSeed('10d6>=5', (r) => (r.successes ?? 0) >= 2);
    const [expected] = expectedRolls(seed, ['10d6>=5']);
    const { page } = await harness.open(`<vtt-dice-roller seed="${seed}"></vtt-dice-roller>`);
    await rollIn(page, '10d6>=5');
    const result = page.locator('vtt-dice-roller [part=result]').first();
    expect(
      (await result.locator('[part=successes]').textContent())?.replace(/\s+/g, ' '),
    ).toContain(`${expected!.successes} successes`);
    expect(await result.locator('[part=die][data-success]').count()).toBe(expected!.successes);
    expect(await result.locator('[part=die]').count()).toBe(10);
    await page.close();
  });

  it('shows exploded dice of 1d6! and the extra dice they added', async () => {
    const seed = findSeed('1d6!', (r) => diceOf(r).length >= 2);
    const [expected] = expectedRolls(seed, ['1d6!']);
    const { page } = await harness.open(`<vtt-dice-roller seed="${seed}"></vtt-dice-roller>`);
    await rollIn(page, '1d6!');
    const result = page.locator('vtt-dice-roller [part=result]').first();
    const dice = diceOf(expected!);
    expect(await result.locator('[part=total]').textContent()).toBe(String(expected!.total));
    expect(await result.locator('[part=die][data-exploded]').count()).toBe(
      dice.filter((d) => d.exploded).length,
    );
    expect(await result.locator('[part=die]').first().getAttribute('aria-label')).toBe(
      'd6: 6, kept, exploded',
    );
    expect(await result.locator('[part=die]').nth(1).getAttribute('aria-label')).toContain(
      'from explosion',
    );
    await page.close();
  });

  it('shows rerolled dice of 2d6r<2 struck out, next to their replacement', async () => {
    const seed = findSeed('2d6r<2', (r) => diceOf(r).some((d) => d.rerolled));
    const [expected] = expectedRolls(seed, ['2d6r<2']);
    const { page } = await harness.open(`<vtt-dice-roller seed="${seed}"></vtt-dice-roller>`);
    await rollIn(page, '2d6r<2');
    const result = page.locator('vtt-dice-roller [part=result]').first();
    expect(await result.locator('[part=total]').textContent()).toBe(String(expected!.total));
    expect(await result.locator('[part=die][data-rerolled]').count()).toBe(
      diceOf(expected!).filter((d) => d.rerolled).length,
    );
    expect(
      await result.locator('[part=die][data-rerolled]').first().getAttribute('aria-label'),
    ).toBe('d6: 1, rerolled');
    await page.close();
  });

  it('shows the error code, message and fix of a bad notation next to the input, without throwing', async () => {
    let thrown: unknown;
    try {
      roll('4d6kx3', { seed: 1 });
    } catch (error) {
      thrown = error;
    }
    if (!isVttError(thrown)) throw new Error('expected core to reject 4d6kx3');
    const { page, errors } = await harness.open('<vtt-dice-roller seed="x"></vtt-dice-roller>');
    await rollIn(page, '4d6kx3');
    const error = page.locator('vtt-dice-roller [part=error]');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.locator('[part=error-code]').textContent()).toBe(thrown.code);
    expect(await error.locator('.error-fix').textContent()).toBe(ERROR_CODES[thrown.code].fix);
    expect(thrown.message).toContain((await error.locator('.error-message').textContent()) ?? '?');
    expect(await error.locator('[part=error-where] mark').textContent()).toBe('x');
    expect(await page.locator('vtt-dice-roller [part=input]').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.locator('vtt-dice-roller [part=input]').inputValue()).toBe('4d6kx3');
    await saveScreenshot(page.locator('vtt-dice-roller'), 'dice-roller-error');

    // Fixing it clears the error.
    await rollIn(page, '4d6kh3');
    expect(await error.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rolls through `roller` when set, and shows a wire error it rejects with', async () => {
    const fixed = roll('1d20+5', { seed: 'remote' });
    const { page } = await harness.open('<vtt-dice-roller></vtt-dice-roller>');
    await recordRolls(page);
    const element = page.locator('vtt-dice-roller');
    await element.evaluate((el, result) => {
      (el as unknown as { roller: (n: string) => Promise<unknown> }).roller = async (n) => {
        if (n === '2000d6') {
          throw {
            code: 'VTT_ERR_DICE_TOO_MANY_DICE',
            message: 'too many',
            params: { count: 2000, max: 1000 },
          };
        }
        return { ...result, notation: n };
      };
    }, fixed);
    await rollIn(page, '1d20+5');
    await expect.poll(async () => (await takeRolls(page)).length).toBe(1);
    expect((await takeRolls(page))[0]).toMatchObject({ source: 'remote', notation: '1d20+5' });
    expect(await element.locator('[part=total]').textContent()).toBe(String(fixed.total));

    await rollIn(page, '2000d6');
    const error = element.locator('[part=error]');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.locator('[part=error-code]').textContent()).toBe(
      'VTT_ERR_DICE_TOO_MANY_DICE',
    );
    expect(await error.locator('.error-message').textContent()).toBe(
      'The roll asks for 2000 dice; the limit is 1000 per roll.',
    );
    await page.close();
  });

  it('walks the history with ArrowUp and ArrowDown, back to the draft', async () => {
    const { page } = await harness.open('<vtt-dice-roller seed="h"></vtt-dice-roller>');
    await rollIn(page, '1d20');
    await rollIn(page, '2d6+3');
    const input = page.locator('vtt-dice-roller [part=input]');
    await input.fill('3d');
    const values: string[] = [];
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowDown']) {
      await input.press(key);
      values.push(await input.inputValue());
    }
    expect(values).toEqual(['2d6+3', '1d20', '1d20', '2d6+3', '3d']);
    await page.close();
  });

  it('renders the dark theme from its custom properties', async () => {
    const seed = findSeed('6d6>=5!', (r) => diceOf(r).some((d) => d.exploded));
    const { page } = await harness.open(
      `<vtt-dice-roller seed="${seed}" theme="dark"></vtt-dice-roller>`,
      { dark: true },
    );
    await rollIn(page, '4d6kh3');
    await rollIn(page, '6d6>=5!');
    const element = page.locator('vtt-dice-roller');
    const colours = await element.evaluate((el) => {
      const g = globalThis as unknown as {
        getComputedStyle(e: unknown): { backgroundColor: string; color: string };
      };
      const style = g.getComputedStyle(el);
      return [style.backgroundColor, style.color];
    });
    expect(colours).toEqual(['rgb(23, 24, 28)', 'rgb(230, 231, 234)']);
    await saveScreenshot(element, 'dice-roller-dark');
    await page.close();
  });
});

import type { ChatMessage, RollOutcome } from '@vtt/core';

/** The typed outcome of a named roll as a roll card shows it. */
export type ChatOutcome = Pick<
  RollOutcome,
  'label' | 'total' | 'successes' | 'glitch' | 'effect' | 'margin' | 'target' | 'critical'
> & {
  /** The module that rolled it (`verified.by`). */
  readonly moduleId: string;
};

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The named roll's outcome a message carries, or `null`: only a message the
 * host verified as a module's (`verified.by`, not `'core'`) with
 * `flags[module].outcome` counts, as core's `messageRoll` reads it; a user's
 * forged card is shown as plain text. Fields of the wrong type are left out.
 */
export function chatOutcome(message: ChatMessage): ChatOutcome | null {
  const by = message.verified?.by;
  if (by === undefined || by === 'core') return null;
  const card = message.flags[by];
  const outcome = isObject(card) ? card['outcome'] : undefined;
  if (!isObject(outcome)) return null;
  const total = num(outcome['total']);
  if (total === undefined) return null;
  const glitch = outcome['glitch'];
  const critical = outcome['critical'];
  return {
    moduleId: by,
    label: typeof outcome['label'] === 'string' ? outcome['label'] : '',
    total,
    successes: num(outcome['successes']),
    effect: num(outcome['effect']),
    margin: num(outcome['margin']),
    target: num(outcome['target']),
    glitch: glitch === 'none' || glitch === 'glitch' || glitch === 'critical' ? glitch : undefined,
    critical: critical === 'success' || critical === 'failure' ? critical : null,
  };
}

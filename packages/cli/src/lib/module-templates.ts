/**
 * The starter templates of `vtt new`, each a folder under
 * `packages/cli/templates/`: the command lists them in its help, the
 * implementation copies one.
 */
export const MODULE_TEMPLATES = {
  d20: 'd20 + ability modifier vs a DC, advantage/disadvantage, natural 20 crits',
  'dice-pool': 'pools of d6, hits on 5+, glitches on more than half 1s',
  '2d6': '2D6 + modifier vs 8+, Effect = total - 8',
  blank: 'the minimum: one actor type, one action, one roll, one test',
} as const;

/** A template name: one of {@link MODULE_TEMPLATES}' keys. */
export type ModuleTemplate = keyof typeof MODULE_TEMPLATES;

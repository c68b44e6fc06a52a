/**
 * The CLI's fixture module: the smallest module that exercises what the
 * toolchain checks (a derived field on the sheet, a named roll, an action).
 */
import { defineModule } from '@vtt/sdk';

const modifier = (score: number) => Math.floor((score - 10) / 2);

export default defineModule({
  id: 'heroes',
  actions: {
    'heroes:rest': {
      schema: { type: 'object', additionalProperties: false, properties: {} },
      handle: (ctx) => ctx.say(`${ctx.user.id} rests`),
    },
  },
  derived: {
    hero: (ctx) => ({ modifier: modifier((ctx.subject.data as { score: number }).score) }),
  },
  rolls: {
    check: {
      label: 'Check',
      roll: (ctx) => {
        const r = ctx.dice.roll('1d20');
        return {
          label: 'Check',
          total: r.total,
          critical: r.total === 20 ? 'success' : null,
          rolls: [r],
        };
      },
    },
  },
});

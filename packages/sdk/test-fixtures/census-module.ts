/**
 * A fixture module that reports what its replica of the table holds, and
 * proposes many documents at once: for tests of loading and feeding big
 * tables through the sandbox.
 */
import { defineModule } from '@vtt/sdk';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'census:count': Record<string, never>;
    'census:spawn': { count: number; chars: number };
  }
}

export default defineModule({
  id: 'census',
  actions: {
    'census:count': {
      schema: { type: 'object', additionalProperties: false },
      handle(ctx) {
        const { actors, chat } = ctx.state;
        ctx.say('census', {
          data: {
            actors: actors.size,
            chat: chat.length,
            actorsChars: JSON.stringify(actors).length,
            chatChars: JSON.stringify(chat).length,
          },
        });
      },
    },
    'census:spawn': {
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['count', 'chars'],
        properties: {
          count: { type: 'integer', minimum: 1, maximum: 1000 },
          chars: { type: 'integer', minimum: 0, maximum: 10000 },
        },
      },
      handle(ctx) {
        for (let i = 0; i < ctx.payload.count; i++) {
          ctx.act('core:create-actor', {
            id: `spawn-${i}`,
            name: `Spawn ${i}`,
            type: 'npc',
            data: { notes: 's'.repeat(ctx.payload.chars) },
          });
        }
      },
    },
  },
});

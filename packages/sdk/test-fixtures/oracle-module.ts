/**
 * A module that reads roll tables and draws one: `oracle:ask` finds the
 * table by name in `ctx.state.rollTables` and draws it for the asking user.
 */
import { defineModule } from '@vtt/sdk';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'oracle:ask': { name: string };
  }
}

export default defineModule({
  id: 'oracle',
  actions: {
    'oracle:ask': {
      description: 'Draws from the roll table of the given name.',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string', maxLength: 100 } },
      },
      handle(ctx) {
        const table =
          ctx.state.rollTables.find((t) => t.name === ctx.payload.name) ??
          ctx.reject('no such table');
        ctx.act('core:draw-table', { tableId: table.id });
      },
    },
  },
});

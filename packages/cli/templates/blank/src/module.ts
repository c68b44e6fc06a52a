/**
 * The rules of __MODULE_NAME__. Start here: add custom actions, named rolls,
 * derived data, an initiative model, hooks, chat commands and macros to the
 * object below.
 *
 * `vtt build` bundles this file into dist/module.js, which the server runs in
 * its sandbox. Reference: docs/modules/reference.md.
 */
import { defineModule } from '@vtt/sdk';

declare module '@vtt/sdk' {
  interface ModuleActions {
    '__MODULE_ID__:say-hello': Record<string, never>;
  }
}

export default defineModule({
  id: '__MODULE_ID__',
  actions: {
    '__MODULE_ID__:say-hello': {
      description: 'Posts a greeting to the chat.',
      schema: { type: 'object', additionalProperties: false, properties: {} },
      handle(ctx) {
        ctx.say('Hello from __MODULE_NAME__!');
      },
    },
  },
  rolls: {
    check: {
      label: 'Check',
      roll: (ctx) => {
        const r = ctx.dice.roll('1d20');
        return { label: 'Check', total: r.total, rolls: [r] };
      },
    },
  },
});

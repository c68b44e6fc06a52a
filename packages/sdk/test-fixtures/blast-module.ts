/**
 * A fixture module that asks which tokens a measured template hits: a
 * `blast` roll (damage to everyone in the area, reported per target) and an
 * action that answers a template the user may not see with a message of
 * its own instead of the refusal.
 */
import { defineModule } from '@vtt/sdk';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'blast:probe': { templateId: string };
  }
}

export default defineModule({
  id: 'blast',
  rolls: {
    blast: {
      label: 'Blast',
      args: {
        type: 'object',
        required: ['templateId'],
        additionalProperties: false,
        properties: { templateId: { type: 'string', maxLength: 64 } },
      },
      roll: (ctx) => {
        const { templateId } = ctx.args as { templateId: string };
        const template = ctx.state.templates.get(templateId);
        const targets = ctx.templateTargets(templateId);
        const damage = ctx.dice.roll('8d6');
        return {
          label: `Blast (${template?.size ?? '?'} ${template?.shape ?? ''})`,
          total: damage.total,
          rolls: [damage],
          data: { targets, names: targets.map((id) => ctx.state.tokens.get(id)?.name ?? id) },
        };
      },
    },
  },
  actions: {
    'blast:probe': {
      schema: {
        type: 'object',
        required: ['templateId'],
        additionalProperties: false,
        properties: { templateId: { type: 'string', maxLength: 64 } },
      },
      handle(ctx) {
        try {
          ctx.say(`hits ${ctx.templateTargets(ctx.payload.templateId).join(',')}`);
        } catch (error) {
          ctx.say(`no such template (${(error as { code?: string }).code ?? 'unknown'})`);
        }
      },
    },
  },
});

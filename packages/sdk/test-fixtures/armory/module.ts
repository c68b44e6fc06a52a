/**
 * A module with items, the SDK's items fixture: armour class derived from
 * worn armour items, an attack roll from a weapon item (its id as the roll's
 * argument), an action that lists an actor's items as the caller sees them,
 * and compendium packs with an actor entry that embeds items.
 */
import { defineModule } from '@vtt/sdk';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'armory:list-items': { actorId: string };
    'armory:arm': { actorId: string };
  }
}

export default defineModule({
  id: 'armory',
  actions: {
    'armory:list-items': {
      description: 'Says the names (and what the caller sees of the data) of an actor`s items.',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['actorId'],
        properties: { actorId: { type: 'string', maxLength: 64 } },
      },
      handle(ctx) {
        const items = ctx.items(ctx.payload.actorId);
        ctx.say(items.map((i) => `${i.name} ${JSON.stringify(i.data)}`).join('; '));
      },
    },
    'armory:arm': {
      description: 'Gives an actor a dagger from the weapons pack.',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['actorId'],
        properties: { actorId: { type: 'string', maxLength: 64 } },
      },
      handle(ctx) {
        ctx.act('core:import-compendium', {
          module: 'armory',
          pack: 'weapons',
          entry: 'dagger',
          actorId: ctx.payload.actorId,
        });
      },
    },
  },
  derived: {
    hero: (ctx) => {
      const items = ctx.items(ctx.subject.id);
      const worn = items.filter(
        (i) => i.type === 'armor' && (i.data as { worn?: boolean }).worn === true,
      );
      return {
        ac: 10 + worn.reduce((sum, i) => sum + (i.data as { ac: number }).ac, 0),
        weapons: items.filter((i) => i.type === 'weapon').map((i) => i.name),
      };
    },
  },
  rolls: {
    attack: {
      label: 'Attack',
      args: {
        type: 'object',
        additionalProperties: false,
        required: ['itemId'],
        properties: { itemId: { type: 'string', maxLength: 64 } },
      },
      roll: (ctx) => {
        const actorId = ctx.subject?.id ?? ctx.reject('roll the attack for an actor');
        const { itemId } = ctx.args as { itemId: string };
        const weapon =
          ctx.items(actorId).find((i) => i.id === itemId && i.type === 'weapon') ??
          ctx.reject(`no weapon ${itemId} on ${actorId}`);
        const r = ctx.dice.roll((weapon.data as { damage: string }).damage, {
          label: weapon.name,
        });
        return { label: weapon.name, total: r.total, rolls: [r] };
      },
    },
  },
});

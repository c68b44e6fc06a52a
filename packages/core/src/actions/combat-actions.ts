/** Deciding combat tracker actions. */
import { drawRoll } from '../dice/index.js';
import { VttError } from '../errors/vtt-error.js';
import type { Combat } from '../model/documents.js';
import type { TableState } from '../model/state.js';
import { advanceTurn } from '../events/combat-turns.js';
import { combatantName } from '../views/combatant-name.js';
import { defineActionHandlers } from './action-handler.js';
import { messageDraft } from './chat-actions.js';
import { expiryNotices } from './effect-actions.js';
import { turnTicks } from '../events/effect-ticks.js';

function activeCombat(state: TableState): Combat {
  if (state.combat === null) throw new VttError('VTT_ERR_COMBAT_NOT_ACTIVE');
  return state.combat;
}

/** Handlers of the combat actions. */
export const COMBAT_ACTIONS = defineActionHandlers({
  'core:start-combat': ({ state, payload }) => [
    {
      type: 'core:combat-started',
      payload: {
        combat: {
          id: `combat${state.seq + 1}`,
          sceneId: payload.sceneId ?? null,
          round: 0,
          turn: null,
          combatants: {},
          ...(payload.passStep === undefined ? {} : { passStep: payload.passStep, pass: 0 }),
        },
      },
    },
  ],
  'core:end-combat': ({ state }) => [
    { type: 'core:combat-ended', payload: { combatId: activeCombat(state).id } },
  ],
  'core:add-combatant': ({ state, payload: p, newId }) => {
    const combat = activeCombat(state);
    const token = p.tokenId === undefined ? undefined : state.tokens.get(p.tokenId);
    // Links only: the name and hidden flag of the token or actor are derived when read
    // (combatantName, combatantVisible), never copied, so they cannot go stale or leak.
    const actorId = p.actorId ?? token?.actorId ?? null;
    return [
      {
        type: 'core:combatant-added',
        payload: {
          combatant: {
            id: newId((id) => id in combat.combatants, 'cbt', p.id, 'combat'),
            name: p.name ?? null,
            tokenId: p.tokenId ?? null,
            actorId,
            initiative: p.initiative ?? null,
            hidden: p.hidden ?? false,
            defeated: false,
          },
        },
      },
    ];
  },
  'core:update-combatant': ({ payload }) => [{ type: 'core:combatant-updated', payload }],
  'core:remove-combatant': ({ payload }) => [{ type: 'core:combatant-removed', payload }],
  'core:set-initiative': ({ payload }) => [{ type: 'core:initiative-set', payload }],
  'core:roll-initiative': (ctx) => {
    const combatant = activeCombat(ctx.state).combatants[ctx.payload.combatantId];
    if (combatant === undefined) {
      throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
        collection: 'combat',
        id: ctx.payload.combatantId,
      });
    }
    const { result, record } = drawRoll(ctx.rng(), ctx.payload.formula);
    const message = messageDraft(ctx, {
      // The name as the roller sees it, whispered to them and GMs only.
      text: `${combatantName(ctx.state, combatant, ctx.member)} rolls initiative`,
      roll: result,
      verified: { by: 'core', rolls: [record] },
      whisper: [ctx.member.id],
    });
    return [
      {
        type: 'core:initiative-set',
        payload: { combatantId: combatant.id, initiative: result.total },
      },
      { ...message, server: { rng: ctx.rng().state() } },
    ];
  },
  'core:next-turn': (ctx) => {
    const combat = activeCombat(ctx.state);
    const next = advanceTurn(combat);
    return [
      { type: 'core:turn-advanced', payload: next },
      ...expiryNotices(ctx, turnTicks(ctx.state, combat, next).expired, 1),
    ];
  },
});

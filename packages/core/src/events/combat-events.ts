/** Event handlers of the combat tracker. */
import { VttError } from '../errors/vtt-error.js';
import { ref } from '../model/doc-refs.js';
import type { Combat, Combatant } from '../model/documents.js';
import type { TableDocs, TableState } from '../model/state.js';
import { passTurn, withoutCombatant } from './combat-turns.js';
import { turnTicks, withClock, withTicks } from './effect-ticks.js';
import { effectsOf } from '../model/effects.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustExist } from './helpers.js';

const combatRef = () => [ref('combat', 'combat')];

function activeCombat(state: TableState): Combat {
  if (state.combat === null) throw new VttError('VTT_ERR_COMBAT_NOT_ACTIVE');
  return state.combat;
}

function combatantOf(state: TableState, combatantId: string): Combatant {
  return mustExist(activeCombat(state).combatants, 'combat', combatantId);
}

function withCombatant(
  docs: TableDocs,
  id: string,
  change: (c: Combatant) => Combatant,
): Partial<TableDocs> {
  const combat = docs.combat;
  const combatant = combat?.combatants[id];
  if (!combat || !combatant) return {};
  return { combat: { ...combat, combatants: { ...combat.combatants, [id]: change(combatant) } } };
}

/** Handlers of the `core:combat-*`, `core:combatant-*` and turn events. */
export const COMBAT_EVENTS = defineEventHandlers({
  'core:combat-started': {
    apply: ({ payload }) => ({ combat: payload.combat }),
    changes: combatRef,
    check: ({ state, payload: { combat } }) => {
      if (state.combat !== null) throw new VttError('VTT_ERR_COMBAT_ALREADY_ACTIVE');
      if (combat.sceneId !== null) mustExist(state.scenes, 'scenes', combat.sceneId);
    },
    undoable: true,
  },
  'core:combat-ended': {
    apply: () => ({ combat: null }),
    changes: combatRef,
    check: ({ state }) => void activeCombat(state),
    undoable: true,
  },
  'core:combatant-added': {
    apply: ({ docs, payload: { combatant } }) =>
      docs.combat
        ? {
            combat: {
              ...docs.combat,
              combatants: { ...docs.combat.combatants, [combatant.id]: combatant },
            },
          }
        : {},
    changes: combatRef,
    check: ({ state, payload: { combatant } }) => {
      mustBeFree(activeCombat(state).combatants, 'combat', combatant.id);
      if (combatant.tokenId !== null) mustExist(state.tokens, 'tokens', combatant.tokenId);
      if (combatant.actorId !== null) mustExist(state.actors, 'actors', combatant.actorId);
    },
    undoable: true,
  },
  'core:combatant-updated': {
    apply: ({ docs, payload }) =>
      withCombatant(docs, payload.combatantId, (c) => applyPatch(c, payload.patch)),
    changes: combatRef,
    check: ({ state, payload }) => void combatantOf(state, payload.combatantId),
    undoable: true,
  },
  'core:combatant-removed': {
    apply: ({ docs, payload: { combatantId } }) =>
      docs.combat ? { combat: withoutCombatant(docs.combat, combatantId) } : {},
    changes: combatRef,
    check: ({ state, payload }) => void combatantOf(state, payload.combatantId),
    undoable: true,
  },
  'core:initiative-set': {
    apply: ({ docs, payload }) =>
      withCombatant(docs, payload.combatantId, (c) => ({ ...c, initiative: payload.initiative })),
    changes: combatRef,
    check: ({ state, payload }) => void combatantOf(state, payload.combatantId),
    undoable: true,
  },
  'core:turn-advanced': {
    apply: ({ docs, payload }) => {
      if (!docs.combat) return {};
      const ticks = turnTicks(docs, docs.combat, payload);
      const effects = withTicks(effectsOf(docs), ticks);
      const campaign = withClock(docs.campaign, ticks.clock);
      return {
        combat: passTurn(docs.combat, payload),
        ...(effects === docs.effects ? {} : { effects }),
        ...(campaign === docs.campaign ? {} : { campaign }),
      };
    },
    changes: ({ docs, payload }) => {
      if (!docs.combat) return combatRef();
      const ticks = turnTicks(docs, docs.combat, payload);
      return [
        ...combatRef(),
        ...(withClock(docs.campaign, ticks.clock) === docs.campaign
          ? []
          : [ref('campaign', 'campaign')]),
        ...[...ticks.ticked, ...ticks.expired].map((e) => ref('effects', e.id)),
      ];
    },
    // Passing the turn the canonical way (see combatRule) decides the ticks and the clock.
    checked: combatRef,
    check: ({ state, payload }) => {
      const combat = activeCombat(state);
      if (payload.turn !== null) mustExist(combat.combatants, 'combat', payload.turn);
    },
    undoable: false,
  },
});

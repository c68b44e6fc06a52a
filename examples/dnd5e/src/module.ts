/**
 * D&D 5e (SRD 5.1) for the VTT: the module's entry. Each rule lives in its
 * own file; this one registers them.
 */
import { defineModule } from '@vtt/sdk';
import { attack } from './attack.js';
import { cast } from './cast.js';
import { saveCommand } from './chat-commands.js';
import { abilityCheck, savingThrow, skillCheck } from './checks.js';
import { endConcentrationAction, startConcentrationAction } from './concentration.js';
import { applyConditionAction, removeConditionAction } from './condition-actions.js';
import { damage } from './damage.js';
import { deathSave } from './death-saves.js';
import { deriveCreature } from './derived.js';
import { applyDamageAction, grantTempHpAction, healAction } from './hit-points.js';
import { initiative } from './initiative.js';
import { longRestAction, shortRestAction } from './rests.js';

export default defineModule({
  id: 'dnd5e',
  actions: {
    'dnd5e:apply-damage': applyDamageAction,
    'dnd5e:heal': healAction,
    'dnd5e:grant-temp-hp': grantTempHpAction,
    'dnd5e:apply-condition': applyConditionAction,
    'dnd5e:remove-condition': removeConditionAction,
    'dnd5e:short-rest': shortRestAction,
    'dnd5e:long-rest': longRestAction,
    'dnd5e:start-concentration': startConcentrationAction,
    'dnd5e:end-concentration': endConcentrationAction,
  },
  derived: { character: deriveCreature, npc: deriveCreature },
  initiative,
  rolls: {
    'ability-check': abilityCheck,
    'saving-throw': savingThrow,
    'skill-check': skillCheck,
    attack,
    cast,
    damage,
    'death-save': deathSave,
  },
  chatCommands: { save: saveCommand },
});

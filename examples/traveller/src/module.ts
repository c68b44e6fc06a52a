/**
 * Traveller-style 2D6 science fiction: characteristics with DMs and a UPP,
 * skill checks with Effect, boon and bane, 2D6 initiative, wounds to
 * END/STR/DEX, conditions, and the `/check` chat command.
 */
import { defineModule } from '@vtt/sdk';
import { deriveCharacter } from './actor-data.js';
import { checkCommand } from './chat-check.js';
import { addCondition, type AddConditionPayload } from './conditions.js';
import { applyDamage, type ApplyDamagePayload } from './damage.js';
import { initiative } from './initiative.js';
import {
  attackRoll,
  characteristicRoll,
  checkRoll,
  damageRoll,
  type AttackArgs,
  type CheckArgs,
  type DamageArgs,
} from './rolls.js';
import type { Characteristic } from './characteristics.js';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'traveller:apply-damage': ApplyDamagePayload;
    'traveller:add-condition': AddConditionPayload;
  }
  interface ModuleRolls {
    check: CheckArgs & { skill: string };
    characteristic: CheckArgs & { characteristic: Characteristic };
    attack: AttackArgs;
    damage: DamageArgs;
  }
}

export default defineModule({
  id: 'traveller',
  actions: {
    'traveller:apply-damage': applyDamage,
    'traveller:add-condition': addCondition,
  },
  derived: {
    traveller: deriveCharacter,
    npc: deriveCharacter,
  },
  initiative,
  rolls: {
    check: checkRoll,
    characteristic: characteristicRoll,
    attack: attackRoll,
    damage: damageRoll,
  },
  chatCommands: {
    check: checkCommand,
  },
});

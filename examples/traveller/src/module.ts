/**
 * Traveller-style 2D6 science fiction: characteristics with DMs and a UPP,
 * skill checks with Effect, boon and bane, 2D6 initiative, weapons and
 * armour as items, wounds to END/STR/DEX, conditions, starships with crew
 * positions, and the `/check` chat command.
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
import { damageShip, type DamageShipPayload } from './ship-damage.js';
import {
  shipAttackRoll,
  shipCheckRoll,
  shipPilotRoll,
  shipSensorsRoll,
  type ShipAttackArgs,
  type ShipCheckArgs,
} from './ship-rolls.js';
import { deriveStarship } from './starship.js';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'traveller:apply-damage': ApplyDamagePayload;
    'traveller:add-condition': AddConditionPayload;
    'traveller:damage-ship': DamageShipPayload;
  }
  interface ModuleRolls {
    check: CheckArgs & { skill: string };
    characteristic: CheckArgs & { characteristic: Characteristic };
    attack: AttackArgs;
    damage: DamageArgs;
    'ship-pilot': CheckArgs;
    'ship-sensors': CheckArgs;
    'ship-check': ShipCheckArgs;
    'ship-attack': ShipAttackArgs;
  }
}

export default defineModule({
  id: 'traveller',
  actions: {
    'traveller:apply-damage': applyDamage,
    'traveller:add-condition': addCondition,
    'traveller:damage-ship': damageShip,
  },
  derived: {
    traveller: deriveCharacter,
    npc: deriveCharacter,
    starship: deriveStarship,
  },
  initiative,
  rolls: {
    check: checkRoll,
    characteristic: characteristicRoll,
    attack: attackRoll,
    damage: damageRoll,
    'ship-pilot': shipPilotRoll,
    'ship-sensors': shipSensorsRoll,
    'ship-check': shipCheckRoll,
    'ship-attack': shipAttackRoll,
  },
  chatCommands: {
    check: checkCommand,
  },
});
